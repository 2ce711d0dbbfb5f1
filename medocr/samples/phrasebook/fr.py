"""French."""

from __future__ import annotations

from medocr.samples.phrasebook import Phrasebook

PHRASEBOOK = Phrasebook(
    language="fr",
    months=(
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ),
    date_short="{d:02d}/{m:02d}/{y}",
    date_long="{d} {month} {y}",
    doctor_title="Dr",
    honorifics=("Mme", "M."),
    words={
        "tel": "Tél.",
        "fax": "Fax",
        "email": "Courriel",
        "patient": "[[Patiente|Patient]]",
        "born": "né[[e|]] le",
        "birth_date": "Date de naissance",
        "address": "Adresse",
        "phone": "Téléphone",
        "insurance_id": "N° de sécurité sociale",
        "record": "N° de dossier",
        "record_format": "########",
        "sex": "Sexe",
        "sex_value": "[[féminin|masculin]]",
        "dateline": "{city}, le {date}",
        "diagnoses": "Diagnostics",
        "history": "Histoire de la maladie",
        "findings": "Examen clinique",
        "course": "Évolution",
        "recommendation": "Conduite à tenir",
        "medication": "Traitement de sortie",
        "medication_columns": "Médicament|Dose|Posologie",
        "referral_title": "Lettre d'adressage",
        "referral_subject": "Objet : {patient}, né[[e|]] le {born}",
        "salutation": "<<Chère Consœur|Cher Confrère>>,",
        "closing": "Je vous prie d'agréer, <<chère Consœur|cher Confrère>>, "
        "l'expression de mes salutations confraternelles.",
        "discharge_title": "Compte rendu d'hospitalisation",
        "discharge_subject": "{patient}, né[[e|]] le {born}, {address}",
        "stay": "Hospitalisation du {admitted} au {discharged}",
        "lab_title": "Compte rendu d'analyses de biologie médicale",
        "sample_taken": "Prélèvement",
        "report_date": "Date du compte rendu",
        "order_no": "N° de demande",
        "sender": "Prescripteur",
        "lab_columns": "Analyse|Résultat|Unité|Valeurs de référence|Indic.",
        "clinical_info": "Renseignements cliniques",
        "lab_note": "Échantillon : sérum, sang total EDTA. Les valeurs hors normes sont "
        "signalées par H (élevé) ou L (bas).",
        "validated": "Validé biologiquement le {date}",
        "consent_title": "Formulaire de consentement éclairé",
        "consent_procedure": "Information relative à : {procedure}",
        "consent_purpose": "Le diagnostic suivant a été posé : {main_title} "
        "({main_code}). L'intervention mentionnée ci-dessus est prévue le {planned}. "
        "Son déroulement, ses bénéfices et sa durée vous ont été expliqués.",
        "consent_risks": "Malgré toutes les précautions, des complications peuvent "
        "survenir : saignement, infection, thrombose ou embolie, lésion d'un organe "
        "voisin ou intolérance médicamenteuse. Une nouvelle intervention est rarement "
        "nécessaire.",
        "consent_alternatives": "J'ai été informé[[e|]] des autres possibilités de "
        "traitement et des conséquences d'un refus de l'intervention.",
        "consent_agree": "J'ai compris les informations reçues, j'ai pu poser toutes mes "
        "questions et je consens à l'intervention.",
        "consent_share": "J'accepte que le compte rendu soit transmis à mon médecin "
        "traitant.",
        "consent_selfpay": "J'autorise le prélèvement des frais des prestations choisies "
        "sur mon compte IBAN {iban}.",
        "place_date": "Lieu, date",
        "signature_patient": "Signature [[de la patiente|du patient]]",
        "signature_doctor": "Signature du médecin",
        "continuation": "{patient}, né[[e|]] le {born}",
    },
    variants={
        "facility": (
            "Centre Hospitalier de {city}",
            "Clinique Saint-Joseph, {city}",
            "Hôpital privé de {city}",
            "CHU de {city}",
        ),
        "practice": (
            "Cabinet médical {doctor}",
            "Cabinet de médecine générale {doctor}",
        ),
        "laboratory": (
            "Laboratoire de biologie médicale de {city}",
            "Laboratoire {family}",
        ),
        "referral_intro": (
            "je vous adresse [[ma patiente|mon patient]] {patient_formal}, né[[e|]] le "
            "{born}, pour avis spécialisé concernant le diagnostic suivant : {main_title} "
            "({main_code}).",
            "je vous remercie de bien vouloir recevoir {patient_formal} (né[[e|]] le "
            "{born}) en consultation. Motif : {main_title} ({main_code}).",
        ),
        "referral_history": (
            "[[La patiente|Le patient]] se plaint depuis environ {weeks} semaines de "
            "symptômes croissants. Le traitement instauré au cabinet n'a pas apporté "
            "d'amélioration suffisante.",
            "Les symptômes évoluent depuis {weeks} semaines malgré l'adaptation du "
            "traitement. Vous trouverez ci-joint les examens antérieurs.",
        ),
        "referral_request": (
            "Je vous remercie de me faire part de vos recommandations thérapeutiques. "
            "[[La patiente|Le patient]] est joignable au {patient_phone}.",
        ),
        "discharge_intro": (
            "nous avons pris en charge [[votre patiente|votre patient]] {patient_formal}, "
            "né[[e|]] le {born}, hospitalisé[[e|]] dans notre service du {admitted} au "
            "{discharged}.",
        ),
        "discharge_history": (
            "[[La patiente|Le patient]] a été admis[[e|]] par les urgences pour des "
            "symptômes évoluant depuis {days} jours. À l'admission, [[elle|il]] était "
            "conscient[[e|]], orienté[[e|]] et hémodynamiquement stable.",
            "[[La patiente|Le patient]] a consulté pour des symptômes croissants depuis "
            "{days} jours et a été hospitalisé[[e|]] pour bilan.",
        ),
        "discharge_findings": (
            "Pression artérielle {bp} mmHg, fréquence cardiaque {pulse}/min, température "
            "{temp} °C, SpO2 {spo2} %. Biologie d'entrée : CRP {crp} mg/L, leucocytes "
            "{wbc} 10^9/L.",
        ),
        "discharge_course": (
            "L'évolution a été rapidement favorable sous traitement. Les suites ont été "
            "simples ; la mobilisation a été réalisée avec l'aide des kinésithérapeutes.",
            "Le séjour s'est déroulé sans complication. Les symptômes étaient nettement "
            "régressifs à la sortie.",
        ),
        "discharge_plan": (
            "[[La patiente|Le patient]] regagne son domicile le {discharged} en bon état "
            "général. Nous proposons une consultation de contrôle à votre cabinet dans "
            "{weeks} semaines.",
        ),
    },
    roles={
        "gp": ("Médecin généraliste", "Médecin généraliste"),
        "chief": ("Cheffe de service", "Chef de service"),
        "senior": ("Praticienne hospitalière", "Praticien hospitalier"),
        "resident": ("Interne", "Interne"),
        "lab": ("Biologiste médicale", "Biologiste médical"),
    },
    departments={
        "medicine": "Service de médecine interne",
        "cardiology": "Service de cardiologie",
        "surgery": "Service de chirurgie viscérale et digestive",
        "orthopaedics": "Service d'orthopédie et de traumatologie",
        "oncology": "Service de gynécologie, unité de sénologie",
    },
    procedures={
        "K80.2": "Cholécystectomie par cœlioscopie (ablation de la vésicule biliaire)",
        "M17.1": "Pose d'une prothèse totale du genou",
        "K57.3": "Coloscopie avec exérèse éventuelle de polypes",
        "I25.1": "Coronarographie",
        "C50.9": "Chirurgie conservatrice du sein avec exérèse du ganglion sentinelle",
    },
    schedules={
        "od": "1 le matin",
        "bd": "matin et soir",
        "on": "1 le soir",
        "tds": "3 fois par jour",
    },
)
