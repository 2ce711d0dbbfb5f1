"""English (United Kingdom)."""

from __future__ import annotations

from medocr.samples.phrasebook import Phrasebook

PHRASEBOOK = Phrasebook(
    language="en",
    months=(
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ),
    date_short="{d:02d}/{m:02d}/{y}",
    date_long="{d} {month} {y}",
    doctor_title="Dr",
    honorifics=("Mrs", "Mr"),
    words={
        "tel": "Tel",
        "fax": "Fax",
        "email": "Email",
        "patient": "Patient",
        "born": "DOB",
        "birth_date": "Date of birth",
        "address": "Address",
        "phone": "Telephone",
        "insurance_id": "NHS number",
        "record": "Hospital number",
        "record_format": "RX#######",
        "sex": "Sex",
        "sex_value": "[[female|male]]",
        "dateline": "{date}",
        "diagnoses": "Diagnoses",
        "history": "Presenting complaint",
        "findings": "Examination",
        "course": "Progress",
        "recommendation": "Plan",
        "medication": "Medication on discharge",
        "medication_columns": "Drug|Dose|Frequency",
        "referral_title": "Referral letter",
        "referral_subject": "Re: {patient}, DOB {born}",
        "salutation": "Dear Dr {addressee},",
        "closing": "Yours sincerely,",
        "discharge_title": "Discharge summary",
        "discharge_subject": "{patient}, DOB {born}, {address}",
        "stay": "Admitted {admitted}, discharged {discharged}",
        "lab_title": "Laboratory report",
        "sample_taken": "Sample collected",
        "report_date": "Reported",
        "order_no": "Request number",
        "sender": "Requested by",
        "lab_columns": "Test|Result|Units|Reference range|Flag",
        "clinical_info": "Clinical details",
        "lab_note": "Specimen: serum, EDTA whole blood. Results outside the reference "
        "range are flagged H (high) or L (low).",
        "validated": "Authorised {date}",
        "consent_title": "Consent form",
        "consent_procedure": "Proposed procedure: {procedure}",
        "consent_purpose": "You have been diagnosed with {main_title} ({main_code}). The "
        "procedure named above is planned for {planned}. Its course, intended benefits "
        "and duration were explained to you.",
        "consent_risks": "Despite every care, complications can occur, such as bleeding, "
        "infection, thrombosis or embolism, injury to nearby organs or a reaction to "
        "medicines. Occasionally a further procedure is needed.",
        "consent_alternatives": "I have been told about other treatment options and what "
        "could happen if I decide not to have the procedure.",
        "consent_agree": "I have understood the information, have been able to ask "
        "questions and agree to the procedure.",
        "consent_share": "I agree that a copy of the report may be sent to my GP.",
        "consent_selfpay": "Charges for optional private services may be collected by "
        "direct debit from my account IBAN {iban}.",
        "place_date": "Place, date",
        "signature_patient": "Patient's signature",
        "signature_doctor": "Clinician's signature",
        "continuation": "{patient}, DOB {born}",
    },
    variants={
        "facility": (
            "{city} General Hospital",
            "Royal {city} Infirmary",
            "{city} University Hospital",
            "St Mary's Hospital, {city}",
        ),
        "practice": (
            "Riverside Medical Practice",
            "Park Lane Surgery",
            "Church Street Health Centre",
        ),
        "laboratory": (
            "{city} Pathology Services",
            "Blood Sciences Laboratory, {city}",
        ),
        "referral_intro": (
            "Thank you for seeing {patient_formal}, DOB {born}, for assessment and "
            "management of {main_title} ({main_code}).",
            "I would be grateful for your opinion on {patient_formal} (DOB {born}), who "
            "has {main_title} ({main_code}).",
        ),
        "referral_history": (
            "[[She|He]] has had worsening symptoms for about {weeks} weeks. Treatment "
            "started in the practice has not brought sufficient improvement.",
            "The symptoms have persisted for {weeks} weeks despite changes to treatment. "
            "Previous results are enclosed.",
        ),
        "referral_request": (
            "I would appreciate your assessment and treatment advice. [[She|He]] can be "
            "reached on {patient_phone}.",
        ),
        "discharge_intro": (
            "We are writing to update you on {patient_formal}, DOB {born}, who was an "
            "inpatient on our ward from {admitted} to {discharged}.",
        ),
        "discharge_history": (
            "[[She|He]] was admitted via the Emergency Department with a {days}-day "
            "history of symptoms. On admission [[she|he]] was alert, orientated and "
            "haemodynamically stable.",
            "[[She|He]] presented with symptoms worsening over {days} days and was "
            "admitted for further investigation.",
        ),
        "discharge_findings": (
            "Blood pressure {bp} mmHg, heart rate {pulse}/min, temperature {temp} °C, "
            "SpO2 {spo2} %. Admission bloods: CRP {crp} mg/L, white cell count {wbc} "
            "10^9/L.",
        ),
        "discharge_course": (
            "[[Her|His]] condition improved quickly with treatment. The rest of the stay "
            "was uneventful; [[she|he]] was mobilised with help from the physiotherapy "
            "team.",
            "The admission was uncomplicated. Symptoms had clearly improved by the time "
            "of discharge.",
        ),
        "discharge_plan": (
            "[[She|He]] was discharged home on {discharged} in good general condition. "
            "We suggest a review at the practice in {weeks} weeks.",
        ),
    },
    roles={
        "gp": ("General Practitioner", "General Practitioner"),
        "chief": ("Consultant", "Consultant"),
        "senior": ("Specialty Registrar", "Specialty Registrar"),
        "resident": ("Foundation Doctor", "Foundation Doctor"),
        "lab": ("Consultant Chemical Pathologist", "Consultant Chemical Pathologist"),
    },
    departments={
        "medicine": "Department of General Medicine",
        "cardiology": "Department of Cardiology",
        "surgery": "Department of General Surgery",
        "orthopaedics": "Trauma and Orthopaedics",
        "oncology": "Breast Unit",
    },
    procedures={
        "K80.2": "Laparoscopic cholecystectomy (removal of the gallbladder)",
        "M17.1": "Total knee replacement",
        "K57.3": "Colonoscopy with removal of polyps if needed",
        "I25.1": "Coronary angiography",
        "C50.9": "Breast-conserving surgery with sentinel lymph node biopsy",
    },
    schedules={
        "od": "once daily",
        "bd": "twice daily",
        "on": "at night",
        "tds": "three times daily",
    },
)
