"""Italian."""

from __future__ import annotations

from medocr.samples.phrasebook import Phrasebook

PHRASEBOOK = Phrasebook(
    language="it",
    months=(
        "gennaio",
        "febbraio",
        "marzo",
        "aprile",
        "maggio",
        "giugno",
        "luglio",
        "agosto",
        "settembre",
        "ottobre",
        "novembre",
        "dicembre",
    ),
    date_short="{d:02d}/{m:02d}/{y}",
    date_long="{d} {month} {y}",
    doctor_title="[[Dott.ssa|Dott.]]",
    honorifics=("Sig.ra", "Sig."),
    words={
        "tel": "Tel.",
        "fax": "Fax",
        "email": "E-mail",
        "patient": "Paziente",
        "born": "nat[[a|o]] il",
        "birth_date": "Data di nascita",
        "address": "Indirizzo",
        "phone": "Telefono",
        "insurance_id": "Codice fiscale",
        "record": "N. cartella clinica",
        "record_format": "########",
        "sex": "Sesso",
        "sex_value": "[[femminile|maschile]]",
        "dateline": "{city}, {date}",
        "diagnoses": "Diagnosi",
        "history": "Anamnesi",
        "findings": "Esame obiettivo",
        "course": "Decorso clinico",
        "recommendation": "Indicazioni",
        "medication": "Terapia alla dimissione",
        "medication_columns": "Farmaco|Dose|Posologia",
        "referral_title": "Richiesta di consulenza specialistica",
        "referral_subject": "Oggetto: {patient}, nat[[a|o]] il {born}",
        "salutation": "<<Gentile Collega|Egregio Collega>>,",
        "closing": "Cordiali saluti",
        "discharge_title": "Lettera di dimissione",
        "discharge_subject": "{patient}, nat[[a|o]] il {born}, {address}",
        "stay": "Ricovero dal {admitted} al {discharged}",
        "lab_title": "Referto di laboratorio",
        "sample_taken": "Data prelievo",
        "report_date": "Data referto",
        "order_no": "N. richiesta",
        "sender": "Medico richiedente",
        "lab_columns": "Esame|Risultato|Unità|Intervallo di riferimento|Flag",
        "clinical_info": "Quesito clinico",
        "lab_note": "Materiale: siero, sangue intero EDTA. I valori fuori intervallo sono "
        "contrassegnati con H (alto) o L (basso).",
        "validated": "Referto validato il {date}",
        "consent_title": "Modulo di consenso informato",
        "consent_procedure": "Informazioni su: {procedure}",
        "consent_purpose": "Le è stata posta la seguente diagnosi: {main_title} "
        "({main_code}). L'intervento indicato sopra è programmato per il {planned}. "
        "Durante il colloquio Le sono stati spiegati modalità, benefici e durata.",
        "consent_risks": "Nonostante la massima cura possono verificarsi complicanze, "
        "quali sanguinamento, infezioni, trombosi o embolie, lesioni di organi vicini o "
        "intolleranza ai farmaci. Raramente è necessario un ulteriore intervento.",
        "consent_alternatives": "Sono stat[[a|o]] informat[[a|o]] in modo esauriente "
        "sulle alternative terapeutiche e sulle conseguenze della rinuncia "
        "all'intervento.",
        "consent_agree": "Ho compreso le informazioni ricevute, ho potuto porre tutte le "
        "domande e acconsento all'intervento.",
        "consent_share": "Acconsento alla trasmissione del referto al mio medico di "
        "medicina generale.",
        "consent_selfpay": "Autorizzo l'addebito dei costi delle prestazioni aggiuntive "
        "sul mio conto IBAN {iban}.",
        "place_date": "Luogo e data",
        "signature_patient": "Firma [[della paziente|del paziente]]",
        "signature_doctor": "Firma del medico",
        "continuation": "{patient}, nat[[a|o]] il {born}",
    },
    variants={
        "facility": (
            "Ospedale Civile di {city}",
            "Azienda Ospedaliera di {city}",
            "Casa di Cura San Giuseppe, {city}",
            "Presidio Ospedaliero di {city}",
        ),
        "practice": (
            "Studio medico {doctor}",
            "Ambulatorio di medicina generale {doctor}",
        ),
        "laboratory": (
            "Laboratorio Analisi Cliniche {city}",
            "Centro Diagnostico {family}",
        ),
        "referral_intro": (
            "invio alla Sua cortese attenzione [[la mia paziente|il mio paziente]] "
            "{patient_formal}, nat[[a|o]] il {born}, per consulenza specialistica. "
            "Diagnosi: {main_title} ({main_code}).",
            "Le chiedo cortesemente di visitare {patient_formal} (nat[[a|o]] il {born}) "
            "per {main_title} ({main_code}).",
        ),
        "referral_history": (
            "[[La paziente|Il paziente]] riferisce da circa {weeks} settimane sintomi in "
            "peggioramento. La terapia finora impostata non ha dato un beneficio "
            "sufficiente.",
            "I sintomi persistono da {weeks} settimane nonostante l'adeguamento della "
            "terapia. Allego gli esami precedenti.",
        ),
        "referral_request": (
            "Resto in attesa del Suo parere e delle indicazioni terapeutiche. "
            "[[La paziente|Il paziente]] è raggiungibile al numero {patient_phone}.",
        ),
        "discharge_intro": (
            "Le comunichiamo che [[la Sua paziente|il Suo paziente]] {patient_formal}, "
            "nat[[a|o]] il {born}, è stat[[a|o]] ricoverat[[a|o]] presso il nostro "
            "reparto dal {admitted} al {discharged}.",
        ),
        "discharge_history": (
            "[[La paziente|Il paziente]] è giunt[[a|o]] in Pronto Soccorso per sintomi "
            "insorti da {days} giorni. All'ingresso era vigile, orientat[[a|o]] ed "
            "emodinamicamente stabile.",
            "[[La paziente|Il paziente]] si è presentat[[a|o]] per sintomi in aumento da "
            "{days} giorni ed è stat[[a|o]] ricoverat[[a|o]] per accertamenti.",
        ),
        "discharge_findings": (
            "Pressione arteriosa {bp} mmHg, frequenza cardiaca {pulse}/min, temperatura "
            "{temp} °C, SpO2 {spo2} %. Esami all'ingresso: PCR {crp} mg/L, leucociti "
            "{wbc} 10^9/L.",
        ),
        "discharge_course": (
            "Con la terapia impostata le condizioni cliniche sono rapidamente migliorate. "
            "Il decorso successivo è stato regolare; la mobilizzazione è avvenuta con il "
            "supporto dei fisioterapisti.",
            "Il ricovero si è svolto senza complicanze. Alla dimissione i sintomi erano "
            "nettamente ridotti.",
        ),
        "discharge_plan": (
            "[[La paziente|Il paziente]] viene dimess[[a|o]] il {discharged} in buone "
            "condizioni generali. Si consiglia un controllo presso il Suo ambulatorio tra "
            "{weeks} settimane.",
        ),
    },
    roles={
        "gp": ("Medico di medicina generale", "Medico di medicina generale"),
        "chief": ("Direttrice di Unità Operativa", "Direttore di Unità Operativa"),
        "senior": ("Dirigente medico", "Dirigente medico"),
        "resident": ("Medica specializzanda", "Medico specializzando"),
        "lab": ("Specialista in patologia clinica", "Specialista in patologia clinica"),
    },
    departments={
        "medicine": "U.O. Medicina Interna",
        "cardiology": "U.O. Cardiologia",
        "surgery": "U.O. Chirurgia Generale",
        "orthopaedics": "U.O. Ortopedia e Traumatologia",
        "oncology": "U.O. Ginecologia, Breast Unit",
    },
    procedures={
        "K80.2": "Colecistectomia laparoscopica (asportazione della colecisti)",
        "M17.1": "Impianto di protesi totale di ginocchio",
        "K57.3": "Colonscopia con eventuale asportazione di polipi",
        "I25.1": "Coronarografia",
        "C50.9": "Chirurgia conservativa della mammella con biopsia del linfonodo "
        "sentinella",
    },
    schedules={
        "od": "1 cp al mattino",
        "bd": "1 cp x 2/die",
        "on": "1 cp la sera",
        "tds": "1 cp x 3/die",
    },
)
