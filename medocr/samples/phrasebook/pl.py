"""Polish."""

from __future__ import annotations

from medocr.samples.phrasebook import Phrasebook

PHRASEBOOK = Phrasebook(
    language="pl",
    months=(
        "stycznia",
        "lutego",
        "marca",
        "kwietnia",
        "maja",
        "czerwca",
        "lipca",
        "sierpnia",
        "września",
        "października",
        "listopada",
        "grudnia",
    ),
    date_short="{d:02d}.{m:02d}.{y}",
    date_long="{d} {month} {y} r.",
    doctor_title="dr n. med.",
    honorifics=("Pani", "Pan"),
    words={
        "tel": "Tel.",
        "fax": "Faks",
        "email": "E-mail",
        "patient": "Pacjent[[ka|]]",
        "born": "ur.",
        "birth_date": "Data urodzenia",
        "address": "Adres",
        "phone": "Telefon",
        "insurance_id": "PESEL",
        "record": "Nr księgi głównej",
        "record_format": "####/2026",
        "sex": "Płeć",
        "sex_value": "[[kobieta|mężczyzna]]",
        "dateline": "{city}, {date}",
        "diagnoses": "Rozpoznania",
        "history": "Wywiad",
        "findings": "Badanie przedmiotowe",
        "course": "Przebieg hospitalizacji",
        "recommendation": "Zalecenia",
        "medication": "Leki przy wypisie",
        "medication_columns": "Lek|Dawka|Dawkowanie",
        "referral_title": "Skierowanie do poradni specjalistycznej",
        "referral_subject": "Dotyczy: {patient}, ur. {born}",
        "salutation": "Szanown<<a Pani Doktor|y Panie Doktorze>>,",
        "closing": "Z wyrazami szacunku",
        "discharge_title": "Karta informacyjna leczenia szpitalnego",
        "discharge_subject": "{patient}, ur. {born}, {address}",
        "stay": "Hospitalizacja od {admitted} do {discharged}",
        "lab_title": "Wynik badań laboratoryjnych",
        "sample_taken": "Data pobrania",
        "report_date": "Data wyniku",
        "order_no": "Nr zlecenia",
        "sender": "Zlecający",
        "lab_columns": "Badanie|Wynik|Jednostka|Zakres referencyjny|Flaga",
        "clinical_info": "Informacje kliniczne",
        "lab_note": "Materiał: surowica, krew pełna EDTA. Wyniki poza zakresem oznaczono "
        "literą H (podwyższony) lub L (obniżony).",
        "validated": "Wynik autoryzowany {date}",
        "consent_title": "Formularz świadomej zgody",
        "consent_procedure": "Informacja dotycząca: {procedure}",
        "consent_purpose": "U [[Pani|Pana]] rozpoznano: {main_title} ({main_code}). "
        "Powyższy zabieg zaplanowano na {planned}. Podczas rozmowy omówiono przebieg, "
        "korzyści i czas trwania zabiegu.",
        "consent_risks": "Mimo zachowania najwyższej staranności mogą wystąpić "
        "powikłania, takie jak krwawienie, zakażenie, zakrzepica lub zatorowość, "
        "uszkodzenie sąsiednich narządów albo nietolerancja leków. Rzadko konieczny jest "
        "kolejny zabieg.",
        "consent_alternatives": "Został[[am|em]] szczegółowo poinformowan[[a|y]] o innych "
        "metodach leczenia oraz o skutkach rezygnacji z zabiegu.",
        "consent_agree": "Zrozumiał[[am|em]] przekazane informacje, mogł[[am|em]] zadać "
        "wszystkie pytania i wyrażam zgodę na zabieg.",
        "consent_share": "Wyrażam zgodę na przekazanie wypisu mojemu lekarzowi "
        "rodzinnemu.",
        "consent_selfpay": "Wyrażam zgodę na obciążenie mojego rachunku IBAN {iban} "
        "kosztami wybranych świadczeń dodatkowych.",
        "place_date": "Miejscowość, data",
        "signature_patient": "Podpis pacjent[[ki|a]]",
        "signature_doctor": "Podpis lekarza",
        "continuation": "{patient}, ur. {born}",
    },
    variants={
        "facility": (
            "Szpital Specjalistyczny – {city}",
            "Wojewódzki Szpital Zespolony – {city}",
            "Szpital Powiatowy – {city}",
            "Centrum Medyczne {city}",
        ),
        "practice": (
            "Praktyka Lekarza Rodzinnego {doctor}",
            "Gabinet Lekarski {doctor}",
        ),
        "laboratory": (
            "Medyczne Laboratorium Diagnostyczne – {city}",
            "Laboratorium {family}",
        ),
        "referral_intro": (
            "kieruję [[Panią|Pana]] {patient}, ur. {born}, do dalszej diagnostyki i "
            "leczenia z powodu: {main_title} ({main_code}).",
            "uprzejmie proszę o konsultację [[pacjentki|pacjenta]] {patient} (ur. "
            "{born}). Rozpoznanie: {main_title} ({main_code}).",
        ),
        "referral_history": (
            "[[Pacjentka|Pacjent]] od około {weeks} tyg. zgłasza narastające dolegliwości. "
            "Dotychczasowe leczenie nie przyniosło wystarczającej poprawy.",
            "Dolegliwości utrzymują się od {weeks} tyg. mimo modyfikacji leczenia. "
            "W załączeniu wcześniejsze wyniki badań.",
        ),
        "referral_request": (
            "Proszę o ocenę i zalecenia terapeutyczne. Kontakt z "
            "[[pacjentką|pacjentem]]: {patient_phone}.",
        ),
        "discharge_intro": (
            "informujemy, że [[Pani|Pan]] {patient}, ur. {born}, był[[a|]] "
            "hospitalizowan[[a|y]] w naszym oddziale od {admitted} do {discharged}.",
        ),
        "discharge_history": (
            "[[Pacjentka|Pacjent]] został[[a|]] przyjęt[[a|y]] przez Szpitalny Oddział "
            "Ratunkowy z powodu dolegliwości trwających od {days} dni. Przy przyjęciu "
            "przytomn[[a|y]], zorientowan[[a|y]], stabiln[[a|y]] hemodynamicznie.",
            "[[Pacjentka|Pacjent]] zgłosił[[a|]] się z narastającymi od {days} dni "
            "dolegliwościami i został[[a|]] przyjęt[[a|y]] w celu diagnostyki.",
        ),
        "discharge_findings": (
            "Ciśnienie tętnicze {bp} mmHg, tętno {pulse}/min, temperatura {temp} °C, "
            "SpO2 {spo2} %. Badania przy przyjęciu: CRP {crp} mg/L, leukocyty {wbc} "
            "10^9/L.",
        ),
        "discharge_course": (
            "Po wdrożonym leczeniu stan ogólny szybko się poprawił. Dalszy przebieg bez "
            "powikłań; pionizacja z pomocą fizjoterapeuty.",
            "Hospitalizacja przebiegła bez powikłań. W dniu wypisu dolegliwości wyraźnie "
            "się zmniejszyły.",
        ),
        "discharge_plan": (
            "[[Pacjentkę|Pacjenta]] wypisano do domu {discharged} w stanie ogólnym "
            "dobrym. Zalecamy kontrolę w poradni za {weeks} tyg.",
        ),
    },
    roles={
        "gp": ("Lekarz rodzinny", "Lekarz rodzinny"),
        "chief": ("Kierownik Oddziału", "Kierownik Oddziału"),
        "senior": ("Lekarz specjalista", "Lekarz specjalista"),
        "resident": ("Lekarz rezydent", "Lekarz rezydent"),
        "lab": ("Diagnosta laboratoryjny", "Diagnosta laboratoryjny"),
    },
    departments={
        "medicine": "Oddział Chorób Wewnętrznych",
        "cardiology": "Oddział Kardiologii",
        "surgery": "Oddział Chirurgii Ogólnej",
        "orthopaedics": "Oddział Ortopedii i Traumatologii Narządu Ruchu",
        "oncology": "Oddział Ginekologii, Poradnia Chorób Piersi",
    },
    procedures={
        "K80.2": "Cholecystektomia laparoskopowa (usunięcie pęcherzyka żółciowego)",
        "M17.1": "Endoprotezoplastyka całkowita stawu kolanowego",
        "K57.3": "Kolonoskopia z ewentualnym usunięciem polipów",
        "I25.1": "Koronarografia",
        "C50.9": "Oszczędzająca operacja piersi z biopsją węzła wartowniczego",
    },
    schedules={
        "od": "1 x dziennie rano",
        "bd": "2 x dziennie",
        "on": "1 x dziennie wieczorem",
        "tds": "3 x dziennie",
    },
)
