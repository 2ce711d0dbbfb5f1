"""Spanish."""

from __future__ import annotations

from medocr.samples.phrasebook import Phrasebook

PHRASEBOOK = Phrasebook(
    language="es",
    months=(
        "enero",
        "febrero",
        "marzo",
        "abril",
        "mayo",
        "junio",
        "julio",
        "agosto",
        "septiembre",
        "octubre",
        "noviembre",
        "diciembre",
    ),
    date_short="{d:02d}/{m:02d}/{y}",
    date_long="{d} de {month} de {y}",
    doctor_title="[[Dra.|Dr.]]",
    honorifics=("Sra.", "Sr."),
    words={
        "tel": "Tel.",
        "fax": "Fax",
        "email": "Correo electrónico",
        "patient": "Paciente",
        "born": "nacid[[a|o]] el",
        "birth_date": "Fecha de nacimiento",
        "address": "Dirección",
        "phone": "Teléfono",
        "insurance_id": "DNI",
        "record": "NHC",
        "record_format": "#######",
        "sex": "Sexo",
        "sex_value": "[[mujer|hombre]]",
        "dateline": "{city}, {date}",
        "diagnoses": "Diagnósticos",
        "history": "Enfermedad actual",
        "findings": "Exploración física",
        "course": "Evolución",
        "recommendation": "Recomendaciones",
        "medication": "Tratamiento al alta",
        "medication_columns": "Medicamento|Dosis|Pauta",
        "referral_title": "Hoja de interconsulta",
        "referral_subject": "Asunto: {patient}, nacid[[a|o]] el {born}",
        "salutation": "Estimad<<a|o>> colega:",
        "closing": "Atentamente,",
        "discharge_title": "Informe de alta hospitalaria",
        "discharge_subject": "{patient}, nacid[[a|o]] el {born}, {address}",
        "stay": "Ingreso del {admitted} al {discharged}",
        "lab_title": "Informe de laboratorio",
        "sample_taken": "Fecha de extracción",
        "report_date": "Fecha del informe",
        "order_no": "N.º de petición",
        "sender": "Médico solicitante",
        "lab_columns": "Prueba|Resultado|Unidades|Valores de referencia|Indic.",
        "clinical_info": "Datos clínicos",
        "lab_note": "Muestra: suero, sangre total EDTA. Los valores fuera de rango se "
        "marcan con H (alto) o L (bajo).",
        "validated": "Informe validado el {date}",
        "consent_title": "Documento de consentimiento informado",
        "consent_procedure": "Información sobre: {procedure}",
        "consent_purpose": "Se le ha diagnosticado: {main_title} ({main_code}). La "
        "intervención indicada está prevista para el {planned}. En la entrevista se le "
        "han explicado el procedimiento, sus beneficios y su duración.",
        "consent_risks": "A pesar de todas las precauciones pueden surgir complicaciones "
        "como hemorragia, infección, trombosis o embolia, lesión de órganos vecinos o "
        "intolerancia a medicamentos. En raras ocasiones es necesaria una nueva "
        "intervención.",
        "consent_alternatives": "He sido informad[[a|o]] de las alternativas de "
        "tratamiento y de las consecuencias de renunciar a la intervención.",
        "consent_agree": "He comprendido la información recibida, he podido hacer todas "
        "mis preguntas y doy mi consentimiento para la intervención.",
        "consent_share": "Autorizo que el informe se envíe a mi médico de atención "
        "primaria.",
        "consent_selfpay": "Autorizo el cargo de los servicios opcionales elegidos en mi "
        "cuenta IBAN {iban}.",
        "place_date": "Lugar y fecha",
        "signature_patient": "Firma [[de la paciente|del paciente]]",
        "signature_doctor": "Firma del médico",
        "continuation": "{patient}, nacid[[a|o]] el {born}",
    },
    variants={
        "facility": (
            "Hospital Universitario de {city}",
            "Hospital General de {city}",
            "Clínica San Rafael, {city}",
            "Hospital Comarcal de {city}",
        ),
        "practice": (
            "Consulta de Medicina de Familia, {doctor}",
            "Consultorio {doctor}",
        ),
        "laboratory": (
            "Laboratorio de Análisis Clínicos de {city}",
            "Laboratorio {family}",
        ),
        "referral_intro": (
            "Le remito a [[la paciente|el paciente]] {patient}, nacid[[a|o]] el {born}, "
            "para valoración "
            "especializada por {main_title} ({main_code}).",
            "Solicito su valoración de [[la paciente|el paciente]] {patient} (nacid[[a|o]] "
            "el {born}) por {main_title} ({main_code}).",
        ),
        "referral_history": (
            "[[La paciente|El paciente]] refiere desde hace unas {weeks} semanas molestias "
            "progresivas. El tratamiento pautado en consulta no ha producido mejoría "
            "suficiente.",
            "Los síntomas persisten desde hace {weeks} semanas a pesar del ajuste del "
            "tratamiento. Se adjuntan pruebas previas.",
        ),
        "referral_request": (
            "Le agradecería su valoración y recomendaciones terapéuticas. "
            "[[La paciente|El paciente]] está localizable en el teléfono {patient_phone}.",
        ),
        "discharge_intro": (
            "Le informamos de que su paciente {patient}, nacid[[a|o]] el "
            "{born}, ha estado ingresad[[a|o]] en nuestro servicio del {admitted} al "
            "{discharged}.",
        ),
        "discharge_history": (
            "[[La paciente|El paciente]] ingresó a través de Urgencias por un cuadro de "
            "{days} días de evolución. Al ingreso se encontraba consciente, "
            "orientad[[a|o]] y hemodinámicamente estable.",
            "[[La paciente|El paciente]] consultó por molestias progresivas de {days} días "
            "de evolución y se decidió su ingreso para estudio.",
        ),
        "discharge_findings": (
            "Tensión arterial {bp} mmHg, frecuencia cardiaca {pulse} lpm, temperatura "
            "{temp} °C, SatO2 {spo2} %. Analítica al ingreso: PCR {crp} mg/L, leucocitos "
            "{wbc} 10^9/L.",
        ),
        "discharge_course": (
            "Con el tratamiento instaurado la evolución fue rápidamente favorable. El resto "
            "del ingreso transcurrió sin complicaciones; la movilización se realizó con "
            "ayuda de fisioterapia.",
            "El ingreso transcurrió sin complicaciones. Al alta los síntomas habían "
            "mejorado claramente.",
        ),
        "discharge_plan": (
            "Se procede al alta el {discharged} en buen estado general. Recomendamos "
            "control en su consulta en {weeks} semanas.",
        ),
    },
    roles={
        "gp": ("Médica de familia", "Médico de familia"),
        "chief": ("Jefa de servicio", "Jefe de servicio"),
        "senior": ("Médica adjunta", "Médico adjunto"),
        "resident": ("Médica residente", "Médico residente"),
        "lab": (
            "Especialista en Análisis Clínicos",
            "Especialista en Análisis Clínicos",
        ),
    },
    departments={
        "medicine": "Servicio de Medicina Interna",
        "cardiology": "Servicio de Cardiología",
        "surgery": "Servicio de Cirugía General y del Aparato Digestivo",
        "orthopaedics": "Servicio de Traumatología y Cirugía Ortopédica",
        "oncology": "Servicio de Ginecología, Unidad de Mama",
    },
    procedures={
        "K80.2": "Colecistectomía laparoscópica (extirpación de la vesícula biliar)",
        "M17.1": "Implantación de una prótesis total de rodilla",
        "K57.3": "Colonoscopia con posible extirpación de pólipos",
        "I25.1": "Coronariografía (cateterismo cardiaco)",
        "C50.9": "Cirugía conservadora de mama con biopsia del ganglio centinela",
    },
    schedules={"od": "1-0-0", "bd": "1-0-1", "on": "0-0-1", "tds": "1-1-1"},
)
