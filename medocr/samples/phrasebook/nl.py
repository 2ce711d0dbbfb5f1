"""Dutch."""

from __future__ import annotations

from medocr.samples.phrasebook import Phrasebook

PHRASEBOOK = Phrasebook(
    language="nl",
    months=(
        "januari",
        "februari",
        "maart",
        "april",
        "mei",
        "juni",
        "juli",
        "augustus",
        "september",
        "oktober",
        "november",
        "december",
    ),
    date_short="{d:02d}-{m:02d}-{y}",
    date_long="{d} {month} {y}",
    doctor_title="dr.",
    honorifics=("mevrouw", "de heer"),
    words={
        "tel": "Tel.",
        "fax": "Fax",
        "email": "E-mail",
        "patient": "Patiënt[[e|]]",
        "born": "geb.",
        "birth_date": "Geboortedatum",
        "address": "Adres",
        "phone": "Telefoon",
        "id_label.be.nn": "Rijksregisternummer",
        "insurance_id": "BSN",
        "record": "Patiëntnummer",
        "record_format": "#######",
        "sex": "Geslacht",
        "sex_value": "[[vrouw|man]]",
        "dateline": "{city}, {date}",
        "diagnoses": "Diagnosen",
        "history": "Anamnese",
        "findings": "Lichamelijk onderzoek",
        "course": "Beloop",
        "recommendation": "Beleid",
        "medication": "Ontslagmedicatie",
        "medication_columns": "Geneesmiddel|Dosis|Gebruik",
        "referral_title": "Verwijsbrief",
        "referral_subject": "Betreft: {patient}, geb. {born}",
        "salutation": "Geachte collega {addressee},",
        "closing": "Met collegiale groet,",
        "discharge_title": "Ontslagbrief",
        "discharge_subject": "{patient}, geb. {born}, {address}",
        "stay": "Opname van {admitted} tot en met {discharged}",
        "lab_title": "Laboratoriumuitslag",
        "sample_taken": "Afnamedatum",
        "report_date": "Uitslagdatum",
        "order_no": "Aanvraagnummer",
        "sender": "Aanvrager",
        "lab_columns": "Bepaling|Uitslag|Eenheid|Referentiewaarde|Vlag",
        "clinical_info": "Klinische gegevens",
        "lab_note": "Materiaal: serum, EDTA-bloed. Afwijkende waarden zijn gemarkeerd "
        "met H (verhoogd) of L (verlaagd).",
        "validated": "Geautoriseerd op {date}",
        "consent_title": "Toestemmingsformulier",
        "consent_procedure": "Voorlichting over: {procedure}",
        "consent_purpose": "Bij u is de volgende diagnose gesteld: {main_title} "
        "({main_code}). De hierboven genoemde ingreep staat gepland op {planned}. In het "
        "gesprek zijn verloop, nut en duur toegelicht.",
        "consent_risks": "Ondanks alle zorgvuldigheid kunnen complicaties optreden, zoals "
        "bloeding, infectie, trombose of embolie, letsel van omliggende organen of "
        "overgevoeligheid voor medicijnen. Zelden is een nieuwe ingreep nodig.",
        "consent_alternatives": "Ik ben uitgebreid geïnformeerd over andere "
        "behandelmogelijkheden en over de gevolgen van het afzien van de ingreep.",
        "consent_agree": "Ik heb de uitleg begrepen, kon al mijn vragen stellen en geef "
        "toestemming voor de ingreep.",
        "consent_share": "Ik ga ermee akkoord dat het verslag naar mijn huisarts wordt "
        "gestuurd.",
        "consent_selfpay": "De kosten van gekozen aanvullende zorg mogen worden "
        "afgeschreven van mijn rekening IBAN {iban}.",
        "place_date": "Plaats, datum",
        "signature_patient": "Handtekening patiënt[[e|]]",
        "signature_doctor": "Handtekening arts",
        "continuation": "{patient}, geb. {born}",
    },
    variants={
        "facility": (
            "Ziekenhuis {city}",
            "Medisch Centrum {city}",
            "St. Antonius Ziekenhuis {city}",
            "Rode Kruis Ziekenhuis {city}",
        ),
        "practice": ("Huisartsenpraktijk {doctor}", "Huisartspraktijk {doctor}"),
        "laboratory": (
            "Klinisch Chemisch Laboratorium {city}",
            "Medisch Laboratorium {family}",
        ),
        "referral_intro": (
            "Graag verwijs ik {patient_formal}, geboren {born}, naar u voor beoordeling en "
            "behandeling van {main_title} ({main_code}).",
            "Hierbij verwijs ik {patient_formal} (geb. {born}) naar uw polikliniek in "
            "verband met {main_title} ({main_code}).",
        ),
        "referral_history": (
            "Patiënt[[e|]] heeft sinds ongeveer {weeks} weken toenemende klachten. De "
            "ingestelde behandeling in onze praktijk gaf onvoldoende verbetering.",
            "De klachten bestaan sinds {weeks} weken en zijn ondanks aanpassing van de "
            "medicatie niet verbeterd. Eerdere uitslagen zijn bijgevoegd.",
        ),
        "referral_request": (
            "Graag uw beoordeling en behandeladvies. Patiënt[[e|]] is bereikbaar op "
            "{patient_phone}.",
        ),
        "discharge_intro": (
            "Hierbij berichten wij u over {patient_formal}, geb. {born}, die van "
            "{admitted} tot en met {discharged} op onze afdeling was opgenomen.",
        ),
        "discharge_history": (
            "Opname via de Spoedeisende Hulp wegens klachten die sinds {days} dagen "
            "bestonden. Bij opname was patiënt[[e|]] helder, georiënteerd en "
            "hemodynamisch stabiel.",
            "Patiënt[[e|]] presenteerde zich met sinds {days} dagen toenemende klachten en "
            "werd opgenomen voor nadere diagnostiek.",
        ),
        "discharge_findings": (
            "Bloeddruk {bp} mmHg, pols {pulse}/min, temperatuur {temp} °C, saturatie "
            "{spo2} %. Laboratorium bij opname: CRP {crp} mg/L, leukocyten {wbc} 10^9/L.",
        ),
        "discharge_course": (
            "Onder de ingestelde behandeling verbeterde de toestand snel. Het verdere "
            "beloop was ongecompliceerd; de mobilisatie verliep met hulp van de "
            "fysiotherapie.",
            "De opname verliep zonder complicaties. Bij ontslag waren de klachten "
            "duidelijk afgenomen.",
        ),
        "discharge_plan": (
            "Wij ontslaan patiënt[[e|]] op {discharged} in goede algemene toestand naar "
            "huis en adviseren controle in uw praktijk over {weeks} weken.",
        ),
    },
    roles={
        "gp": ("Huisarts", "Huisarts"),
        "chief": ("Afdelingshoofd", "Afdelingshoofd"),
        "senior": ("Medisch specialist", "Medisch specialist"),
        "resident": ("Arts-assistent", "Arts-assistent"),
        "lab": ("Klinisch chemicus", "Klinisch chemicus"),
    },
    departments={
        "medicine": "Afdeling Interne Geneeskunde",
        "cardiology": "Afdeling Cardiologie",
        "surgery": "Afdeling Heelkunde",
        "orthopaedics": "Afdeling Orthopedie en Traumatologie",
        "oncology": "Afdeling Gynaecologie, Mammapoli",
    },
    procedures={
        "K80.2": "Laparoscopische galblaasverwijdering (cholecystectomie)",
        "M17.1": "Plaatsing van een totale knieprothese",
        "K57.3": "Coloscopie, zo nodig met poliepverwijdering",
        "I25.1": "Hartkatheterisatie (coronairangiografie)",
        "C50.9": "Borstsparende operatie met schildwachtklierprocedure",
    },
    schedules={
        "od": "1x daags",
        "bd": "2x daags",
        "on": "1x daags voor de nacht",
        "tds": "3x daags",
    },
)
