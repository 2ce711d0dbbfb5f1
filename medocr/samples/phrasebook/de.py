"""German."""

from __future__ import annotations

from medocr.samples.phrasebook import Phrasebook

PHRASEBOOK = Phrasebook(
    language="de",
    months=(
        "Januar",
        "Februar",
        "März",
        "April",
        "Mai",
        "Juni",
        "Juli",
        "August",
        "September",
        "Oktober",
        "November",
        "Dezember",
    ),
    date_short="{d:02d}.{m:02d}.{y}",
    date_long="{d}. {month} {y}",
    doctor_title="Dr. med.",
    honorifics=("Frau", "Herrn"),
    words={
        "tel": "Tel.",
        "fax": "Fax",
        "email": "E-Mail",
        "patient": "[[Patientin|Patient]]",
        "born": "geb.",
        "birth_date": "Geburtsdatum",
        "address": "Anschrift",
        "phone": "Telefon",
        "id_label.at.vnr": "SV-Nummer",
        "insurance_id": "Versichertennummer",
        "record": "Fall-Nr.",
        "record_format": "2026######",
        "sex": "Geschlecht",
        "sex_value": "[[weiblich|männlich]]",
        "dateline": "{city}, {date}",
        "diagnoses": "Diagnosen",
        "main_diagnosis": "Hauptdiagnose",
        "secondary_diagnoses": "Nebendiagnosen",
        "history": "Anamnese",
        "findings": "Befunde",
        "course": "Verlauf",
        "recommendation": "Procedere",
        "medication": "Medikation bei Entlassung",
        "medication_columns": "Wirkstoff|Dosis|Einnahme",
        "referral_title": "Überweisung zur Mitbehandlung",
        "referral_subject": "Betreff: {patient}, geb. {born}",
        "salutation": "Sehr geehrte<< Frau Kollegin|r Herr Kollege>> {addressee},",
        "closing": "Mit freundlichen kollegialen Grüßen",
        "discharge_title": "Entlassungsbericht",
        "discharge_subject": "{patient}, geb. {born}, {address}",
        "stay": "Stationärer Aufenthalt vom {admitted} bis {discharged}",
        "lab_title": "Laborbefund",
        "sample_taken": "Probenentnahme",
        "report_date": "Befunddatum",
        "order_no": "Auftrags-Nr.",
        "sender": "Einsender",
        "lab_columns": "Untersuchung|Ergebnis|Einheit|Referenzbereich|Kennz.",
        "clinical_info": "Klinische Angaben",
        "lab_note": "Material: Serum, EDTA-Blut. Werte außerhalb des Referenzbereichs "
        "sind mit H (erhöht) oder L (erniedrigt) gekennzeichnet.",
        "validated": "Medizinisch validiert am {date}",
        "consent_title": "Einwilligungserklärung",
        "consent_procedure": "Aufklärung über: {procedure}",
        "consent_purpose": "Bei Ihnen wurde {main_title} ({main_code}) festgestellt. "
        "Zur Behandlung ist der oben genannte Eingriff am {planned} vorgesehen. "
        "Im Aufklärungsgespräch wurden Ablauf, Nutzen und Dauer erläutert.",
        "consent_risks": "Trotz aller Sorgfalt kann es zu Komplikationen kommen, etwa "
        "Blutungen, Infektionen, Thrombosen oder Embolien, Verletzungen benachbarter "
        "Organe oder Unverträglichkeit von Medikamenten. Selten ist ein weiterer "
        "Eingriff nötig.",
        "consent_alternatives": "Über andere Behandlungsmöglichkeiten und die Folgen "
        "eines Verzichts auf den Eingriff wurde ich ausführlich informiert.",
        "consent_agree": "Ich habe die Aufklärung verstanden, konnte alle Fragen "
        "stellen und willige in den Eingriff ein.",
        "consent_share": "Ich bin einverstanden, dass der Bericht an meine "
        "Hausarztpraxis übermittelt wird.",
        "consent_selfpay": "Kosten für gewählte Wahlleistungen dürfen von meinem Konto "
        "IBAN {iban} per Lastschrift eingezogen werden.",
        "place_date": "Ort, Datum",
        "signature_patient": "Unterschrift [[der Patientin|des Patienten]]",
        "signature_doctor": "Unterschrift Ärztin/Arzt",
        "continuation": "{patient}, geb. {born}",
    },
    variants={
        "facility": (
            "Klinikum {city}",
            "St.-Elisabeth-Krankenhaus {city}",
            "Kreiskrankenhaus {city}",
            "Evangelisches Krankenhaus {city}",
        ),
        "practice": ("Hausarztpraxis {doctor}", "Praxis für Allgemeinmedizin {doctor}"),
        "laboratory": ("MVZ Labor {city}", "Labor {family} & Kollegen"),
        "referral_intro": (
            "ich überweise Ihnen [[meine Patientin|meinen Patienten]] {patient_formal}, "
            "geb. {born}, zur weiteren Abklärung und Mitbehandlung bei {main_title} "
            "({main_code}).",
            "vielen Dank für die Übernahme [[meiner Patientin|meines Patienten]] "
            "{patient_formal} (geb. {born}). Ich bitte um fachärztliche Beurteilung bei "
            "{main_title} ({main_code}).",
        ),
        "referral_history": (
            "[[Die Patientin|Der Patient]] klagt seit etwa {weeks} Wochen über "
            "zunehmende Beschwerden. Die bisherige Behandlung in unserer Praxis brachte "
            "keine ausreichende Besserung.",
            "Die Beschwerden bestehen seit {weeks} Wochen und haben sich trotz "
            "Therapieanpassung nicht gebessert. Vorbefunde liegen bei.",
        ),
        "referral_request": (
            "Ich bitte um Untersuchung, Therapieempfehlung und einen kurzen Bericht. "
            "[[Die Patientin|Der Patient]] ist unter {patient_phone} erreichbar.",
        ),
        "discharge_intro": (
            "wir berichten über [[Ihre Patientin|Ihren Patienten]] {patient_formal}, "
            "geb. {born}, [[die|der]] sich vom {admitted} bis {discharged} in unserer "
            "stationären Behandlung befand.",
        ),
        "discharge_history": (
            "Die Aufnahme erfolgte über die Notaufnahme mit seit {days} Tagen "
            "bestehenden Beschwerden. Bei Aufnahme war [[die Patientin|der Patient]] "
            "wach, orientiert und kreislaufstabil.",
            "[[Die Patientin|Der Patient]] stellte sich mit seit {days} Tagen "
            "zunehmenden Beschwerden vor und wurde zur weiteren Diagnostik aufgenommen.",
        ),
        "discharge_findings": (
            "Blutdruck {bp} mmHg, Herzfrequenz {pulse}/min, Temperatur {temp} °C, "
            "SpO2 {spo2} %. Labor bei Aufnahme: CRP {crp} mg/L, Leukozyten {wbc} 10^9/L.",
        ),
        "discharge_course": (
            "Unter der eingeleiteten Therapie besserte sich der Zustand rasch. Der "
            "weitere Verlauf war komplikationslos; die Mobilisation erfolgte mit "
            "Unterstützung der Physiotherapie.",
            "Der stationäre Verlauf gestaltete sich ohne Komplikationen. Die Beschwerden "
            "waren bei Entlassung deutlich rückläufig.",
        ),
        "discharge_plan": (
            "Wir entlassen [[die Patientin|den Patienten]] am {discharged} in gutem "
            "Allgemeinzustand nach Hause und empfehlen eine Kontrolle in Ihrer Praxis in "
            "{weeks} Wochen.",
        ),
    },
    roles={
        "gp": ("Fachärztin für Allgemeinmedizin", "Facharzt für Allgemeinmedizin"),
        "chief": ("Chefärztin", "Chefarzt"),
        "senior": ("Oberärztin", "Oberarzt"),
        "resident": ("Assistenzärztin", "Assistenzarzt"),
        "lab": (
            "Fachärztin für Laboratoriumsmedizin",
            "Facharzt für Laboratoriumsmedizin",
        ),
    },
    departments={
        "medicine": "Klinik für Innere Medizin",
        "cardiology": "Klinik für Kardiologie",
        "surgery": "Klinik für Allgemein- und Viszeralchirurgie",
        "orthopaedics": "Klinik für Orthopädie und Unfallchirurgie",
        "oncology": "Klinik für Gynäkologie, Brustzentrum",
    },
    procedures={
        "K80.2": "Laparoskopische Entfernung der Gallenblase (Cholezystektomie)",
        "M17.1": "Implantation einer Knie-Totalendoprothese",
        "K57.3": "Darmspiegelung (Koloskopie), ggf. mit Polypenabtragung",
        "I25.1": "Herzkatheteruntersuchung (Koronarangiographie)",
        "C50.9": "Brusterhaltende Operation mit Entfernung des Wächterlymphknotens",
    },
    schedules={"od": "1-0-0", "bd": "1-0-1", "on": "0-0-1", "tds": "1-1-1"},
)
