"""A small table of common ICD-10 (WHO) codes with their titles in each sample language.

Codes are WHO ICD-10 categories or subcategories that exist in the 2019 edition; titles
follow the national translations closely but are abridged where those are long.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from medocr.samples.languages import Language

DocType = Literal["referral_letter", "lab_report", "discharge_summary", "consent_form"]
DOC_TYPES: tuple[DocType, ...] = (
    "referral_letter",
    "lab_report",
    "discharge_summary",
    "consent_form",
)
Specialty = Literal["medicine", "cardiology", "surgery", "orthopaedics", "oncology"]


@dataclass(frozen=True)
class Diagnosis:
    """An ICD-10 code, its specialty and its title per language (de fr it es nl pl en)."""

    code: str
    specialty: Specialty
    titles: tuple[str, str, str, str, str, str, str]

    def title(self, language: Language) -> str:
        return self.titles[("de", "fr", "it", "es", "nl", "pl", "en").index(language)]


_TABLE = (
    Diagnosis(
        "I10",
        "cardiology",
        (
            "Essentielle (primäre) Hypertonie",
            "Hypertension essentielle (primitive)",
            "Ipertensione essenziale (primitiva)",
            "Hipertensión esencial (primaria)",
            "Essentiële (primaire) hypertensie",
            "Samoistne (pierwotne) nadciśnienie",
            "Essential (primary) hypertension",
        ),
    ),
    Diagnosis(
        "E11.9",
        "medicine",
        (
            "Diabetes mellitus, Typ 2, ohne Komplikationen",
            "Diabète sucré de type 2, sans complication",
            "Diabete mellito di tipo 2 senza complicanze",
            "Diabetes mellitus tipo 2 sin complicaciones",
            "Diabetes mellitus type 2 zonder complicaties",
            "Cukrzyca typu 2 bez powikłań",
            "Type 2 diabetes mellitus without complications",
        ),
    ),
    Diagnosis(
        "J18.9",
        "medicine",
        (
            "Pneumonie, nicht näher bezeichnet",
            "Pneumopathie, sans précision",
            "Polmonite non specificata",
            "Neumonía, no especificada",
            "Pneumonie, niet gespecificeerd",
            "Zapalenie płuc, nieokreślone",
            "Pneumonia, unspecified",
        ),
    ),
    Diagnosis(
        "K35.8",
        "surgery",
        (
            "Akute Appendizitis, sonstige und nicht näher bezeichnet",
            "Appendicite aiguë, autre et sans précision",
            "Appendicite acuta, altra e non specificata",
            "Apendicitis aguda, otra y la no especificada",
            "Acute appendicitis, overige en niet gespecificeerd",
            "Ostre zapalenie wyrostka robaczkowego, inne i nieokreślone",
            "Acute appendicitis, other and unspecified",
        ),
    ),
    Diagnosis(
        "S72.0",
        "orthopaedics",
        (
            "Schenkelhalsfraktur",
            "Fracture du col du fémur",
            "Frattura del collo del femore",
            "Fractura del cuello del fémur",
            "Fractuur van collum femoris",
            "Złamanie szyjki kości udowej",
            "Fracture of neck of femur",
        ),
    ),
    Diagnosis(
        "C50.9",
        "oncology",
        (
            "Bösartige Neubildung der Brustdrüse, nicht näher bezeichnet",
            "Tumeur maligne du sein, sans précision",
            "Tumore maligno della mammella, non specificato",
            "Tumor maligno de la mama, parte no especificada",
            "Maligne neoplasma van mamma, niet gespecificeerd",
            "Nowotwór złośliwy sutka, nieokreślony",
            "Malignant neoplasm of breast, unspecified",
        ),
    ),
    Diagnosis(
        "I21.9",
        "cardiology",
        (
            "Akuter Myokardinfarkt, nicht näher bezeichnet",
            "Infarctus aigu du myocarde, sans précision",
            "Infarto miocardico acuto non specificato",
            "Infarto agudo de miocardio, sin otra especificación",
            "Acuut myocardinfarct, niet gespecificeerd",
            "Ostry zawał mięśnia sercowego, nieokreślony",
            "Acute myocardial infarction, unspecified",
        ),
    ),
    Diagnosis(
        "I48.9",
        "cardiology",
        (
            "Vorhofflimmern und Vorhofflattern, nicht näher bezeichnet",
            "Fibrillation et flutter auriculaires, sans précision",
            "Fibrillazione e flutter atriale, non specificati",
            "Fibrilación y aleteo auricular, no especificado",
            "Atriumfibrilleren en atriumfladderen, niet gespecificeerd",
            "Migotanie i trzepotanie przedsionków, nieokreślone",
            "Atrial fibrillation and atrial flutter, unspecified",
        ),
    ),
    Diagnosis(
        "J44.9",
        "medicine",
        (
            "Chronische obstruktive Lungenkrankheit, nicht näher bezeichnet",
            "Maladie pulmonaire obstructive chronique, sans précision",
            "Broncopneumopatia cronica ostruttiva, non specificata",
            "Enfermedad pulmonar obstructiva crónica, no especificada",
            "Chronische obstructieve longziekte, niet gespecificeerd",
            "Przewlekła obturacyjna choroba płuc, nieokreślona",
            "Chronic obstructive pulmonary disease, unspecified",
        ),
    ),
    Diagnosis(
        "N39.0",
        "medicine",
        (
            "Harnwegsinfektion, Lokalisation nicht näher bezeichnet",
            "Infection des voies urinaires, siège non précisé",
            "Infezione delle vie urinarie, sede non specificata",
            "Infección de vías urinarias, sitio no especificado",
            "Urineweginfectie, lokalisatie niet gespecificeerd",
            "Zakażenie układu moczowego, umiejscowienie nieokreślone",
            "Urinary tract infection, site not specified",
        ),
    ),
    Diagnosis(
        "E78.0",
        "medicine",
        (
            "Reine Hypercholesterinämie",
            "Hypercholestérolémie essentielle",
            "Ipercolesterolemia pura",
            "Hipercolesterolemia pura",
            "Zuivere hypercholesterolemie",
            "Czysta hipercholesterolemia",
            "Pure hypercholesterolaemia",
        ),
    ),
    Diagnosis(
        "D50.9",
        "medicine",
        (
            "Eisenmangelanämie, nicht näher bezeichnet",
            "Anémie par carence en fer, sans précision",
            "Anemia da carenza di ferro, non specificata",
            "Anemia por deficiencia de hierro, sin otra especificación",
            "IJzergebreksanemie, niet gespecificeerd",
            "Niedokrwistość z niedoboru żelaza, nieokreślona",
            "Iron deficiency anaemia, unspecified",
        ),
    ),
    Diagnosis(
        "E03.9",
        "medicine",
        (
            "Hypothyreose, nicht näher bezeichnet",
            "Hypothyroïdie, sans précision",
            "Ipotiroidismo, non specificato",
            "Hipotiroidismo, no especificado",
            "Hypothyreoïdie, niet gespecificeerd",
            "Niedoczynność tarczycy, nieokreślona",
            "Hypothyroidism, unspecified",
        ),
    ),
    Diagnosis(
        "N18.3",
        "medicine",
        (
            "Chronische Nierenkrankheit, Stadium 3",
            "Maladie rénale chronique, stade 3",
            "Malattia renale cronica, stadio 3",
            "Enfermedad renal crónica, estadio 3",
            "Chronische nierziekte, stadium 3",
            "Przewlekła choroba nerek, stadium 3",
            "Chronic kidney disease, stage 3",
        ),
    ),
    Diagnosis(
        "K80.2",
        "surgery",
        (
            "Gallenblasenstein ohne Cholezystitis",
            "Calcul de la vésicule biliaire sans cholécystite",
            "Calcolosi della colecisti senza colecistite",
            "Cálculo de la vesícula biliar sin colecistitis",
            "Galsteen in galblaas zonder cholecystitis",
            "Kamica pęcherzyka żółciowego bez zapalenia pęcherzyka",
            "Calculus of gallbladder without cholecystitis",
        ),
    ),
    Diagnosis(
        "M17.1",
        "orthopaedics",
        (
            "Sonstige primäre Gonarthrose",
            "Autres gonarthroses primaires",
            "Altra gonartrosi primaria",
            "Otras gonartrosis primarias",
            "Overige primaire gonartrose",
            "Inne pierwotne zwyrodnienie stawów kolanowych",
            "Other primary gonarthrosis",
        ),
    ),
    Diagnosis(
        "I50.9",
        "cardiology",
        (
            "Herzinsuffizienz, nicht näher bezeichnet",
            "Insuffisance cardiaque, sans précision",
            "Insufficienza cardiaca non specificata",
            "Insuficiencia cardíaca, no especificada",
            "Hartfalen, niet gespecificeerd",
            "Niewydolność serca, nieokreślona",
            "Heart failure, unspecified",
        ),
    ),
    Diagnosis(
        "K57.3",
        "surgery",
        (
            "Divertikulose des Dickdarmes ohne Perforation oder Abszess",
            "Diverticulose du côlon sans perforation ni abcès",
            "Malattia diverticolare del colon senza perforazione o ascesso",
            "Enfermedad diverticular del intestino grueso sin perforación ni absceso",
            "Diverticulose van dikke darm zonder perforatie of abces",
            "Choroba uchyłkowa jelita grubego bez perforacji i ropnia",
            "Diverticular disease of large intestine without perforation or abscess",
        ),
    ),
    Diagnosis(
        "I25.1",
        "cardiology",
        (
            "Atherosklerotische Herzkrankheit",
            "Cardiopathie artérioscléreuse",
            "Cardiopatia aterosclerotica",
            "Enfermedad aterosclerótica del corazón",
            "Atherosclerotische hartziekte",
            "Miażdżycowa choroba serca",
            "Atherosclerotic heart disease",
        ),
    ),
)

DIAGNOSES: dict[str, Diagnosis] = {d.code: d for d in _TABLE}

# Main diagnoses each document type is written about; secondary ones come from
# COMORBIDITIES. Consent forms only name conditions that a procedure treats.
MAIN_DIAGNOSES: dict[DocType, tuple[str, ...]] = {
    "referral_letter": ("I10", "E11.9", "I48.9", "J44.9", "K80.2", "M17.1", "I25.1"),
    "lab_report": ("E11.9", "D50.9", "E78.0", "E03.9", "N18.3"),
    "discharge_summary": ("J18.9", "K35.8", "S72.0", "I21.9", "I50.9", "N39.0"),
    "consent_form": ("K80.2", "M17.1", "K57.3", "I25.1", "C50.9"),
}
COMORBIDITIES: tuple[str, ...] = ("I10", "E11.9", "E78.0", "E03.9", "N18.3", "J44.9")
