"""Words around names in seven languages: titles, labels, particles, sign-offs."""

from __future__ import annotations

import re

# Courtesy titles, academic and clinical titles, and role words that precede a name.
TITLES = tuple(
    (
        "Herr Herrn Frau Fr. Hr. Hrn. Dr. Dr Drs. Dres. DDr. Prof. Prof PD PD. "
        "Priv.-Doz. Doz. OA OÄ Oberarzt Oberärztin Chefarzt Chefärztin Ass. "
        "Assistenzarzt Assistenzärztin Stationsarzt Stationsärztin FA FÄ Fachärztin "
        "Facharzt Prim. Univ.-Prof. Univ. Dipl.-Med. Dipl.-Psych. Schwester Pfleger "
        "OT Dr.med. Dr.a Dr.a. Prof.Dr. M. Mme Mme. Mlle MM. Pr Pr. Docteur "
        "Professeur Madame Monsieur Mademoiselle Sig. Sig.ra Sig.na Signor Signora "
        "Dott. Dott.ssa Dr.ssa Prof.ssa Egr. Gent.mo Gent.ma Sr. Sra. Srta. D. Dña. "
        "Dª Don Doña Dra. Dra Dhr. Dhr Mevr. Mevr Mw. Mej. Heer Pan Pani Panu Panią "
        "Pana lek. lek dr dr. hab. prof. Mr Mr. Mrs Mrs. Ms Ms. Miss Sir Dame dhr. "
        "mevr. mw. sr. sra. srta. dra. mme mlle sig. dott. prof pan pani panu pana "
        "drs. ir. ing. mr."
    ).split()
)
# Words after a title that belong to the title, not to the name.
TITLE_PARTS = tuple(
    (
        "Kollege Kollegin Kollegen collega colega collègue confrère consoeur "
        "colleague collega's med. med univ. mult. dent. vet. rer. nat. habil. hab. n. "
        "med.univ. h.c. Dr. Dr Prof. MBA MSc PhD"
    ).split()
)
# Nouns for the patient: "Patientin Beate Albers", "el paciente Juan Pérez".
PATIENT_WORDS = tuple(
    (
        "Patient Patientin Patienten Pat. patient patiente paziente paciente patiënt "
        "patiënte pacjent pacjentka pacjenta pacjentki"
    ).split()
)
# Labels followed by a colon and a name.
NAME_LABELS = (
    "name",
    "vorname",
    "nachname",
    "familienname",
    "patient",
    "patientin",
    "pat",
    "arzt",
    "ärztin",
    "untersucher",
    "untersucherin",
    "befunder",
    "betr",
    "betreff",
    "dikt. arzt",
    "gez",
    "unterschrift",
    "orthoptistin",
    "empfänger",
    "versicherte[rn]?",
    "nom",
    "prénom",
    "nom de naissance",
    "nom d'usage",
    "médecin",
    "patiente",
    "médecin traitant",
    "nome",
    "cognome",
    "medico",
    "paziente",
    "medico curante",
    "nombre",
    "apellidos?",
    "médico",
    "paciente",
    "remitido por",
    "responsable clínico",
    "doctor",
    "naam",
    "voornaam",
    "achternaam",
    "arts",
    "huisarts",
    "patiënt",
    "imię",
    "imiona",
    "nazwisko",
    "imię i nazwisko",
    "lekarz",
    "pacjent",
    "first name",
    "surname",
    "last name",
    "physician",
    "referred by",
    "signed",
    "attending",
    "gp",
)
# Phrases without a colon that introduce the author or examiner.
NAME_PHRASES = (
    "geschrieben von",
    "erstellt von",
    "diktiert von",
    "untersucht von",
    "vidiert von",
    "befundet von",
    "freigegeben von",
    "überwiesen von",
    "firmado por",
    "redactado por",
    "realizado por",
    "rédigé par",
    "signé par",
    "dicté par",
    "adressé par",
    "redatto da",
    "firmato da",
    "refertato da",
    "geschreven door",
    "opgesteld door",
    "verwezen door",
    "wystawione przez",
    "podpisane przez",
    "skierowany przez",
    "written by",
    "signed by",
    "dictated by",
    "seen by",
    "referred by",
    "reviewed by",
)
PARTICLES = frozenset(
    "de del della di da dos das van von vom der den ter ten zur zu le la du des y e i "
    "mc mac o' d' ben bin al".split()
)
# A name run also continues over a conjunction: "Drs. Leber und Krauth".
CONJUNCTIONS = frozenset("und and et e y en i oder".split())
SIGN_OFFS = re.compile(
    r"(?:mit (?:freundlichen|kollegialen|besten)|freundliche grüße|kollegiale grüße|"
    r"cordialement|bien confraternellement|salutations|distinti saluti|cordiali saluti|"
    r"atentamente|un saludo|saludos|met vriendelijke groet|hoogachtend|z poważaniem|"
    r"z wyrazami szacunku|kind regards|best regards|yours sincerely|yours faithfully|"
    r"sincerely)[^\n]*\n",
    re.IGNORECASE,
)
# Markers right after a name that say a person was named: "Müller, geb. 1.1.1960".
BIRTH_AFTER = re.compile(
    r"\s?(?:,\s?)?\(?(?:\*\s?\d|(?:geb\.|geboren|née?|nat[oa]|nacid[oa]|born|ur\.|"
    r"urodzon[ya]|geboortedatum|fecha de nacimiento)(?=[^\n]{0,20}\d))",
    re.IGNORECASE,
)
# Words that precede a common noun, not a name: "die Leber", "la Paz" in a sentence.
ARTICLES = frozenset(
    "der die das dem den des ein eine einer einem eines vor unter über the a an "
    "le la les un une du au aux il lo gli uno el los las unos unas het een".split()
)
# Surnames that name diseases, signs, classifications and devices.
EPONYMS = frozenset(
    """parkinson crohn alzheimer hodgkin basedow bechterew addison cushing wilson
    meniere paget raynaud sudeck dupuytren perthes scheuermann osgood schlatter whipple
    kahler waldenstrom hashimoto graves huntington down marfan ehlers danlos still
    bowen kaposi horner barrett meckel hirschsprung pfeiffer lyme guillain barre
    sjogren behcet wegener willebrand tourette asperger stargardt recklinghausen
    krukenberg klatskin virchow baker colles galeazzi monteggia bennett douglas
    blake foley glasgow apgar child pugh karnofsky gleason breslow clark dukes
    ranson killip forrest lauren borrmann siewert tanner babinski lasegue romberg
    murphy mcburney kocher billroth hartmann nissen roux burkitt ewing wilms merkel
    langerhans cajal bismuth fontaine rutherford mallory weiss zenker boerhaave
    charcot korsakoff wernicke broca tietze bouchard heberden baastrup""".split()
)
# Capitalised words that are never names (function words at sentence start, roles).
NOT_NAMES = frozenset(
    """der die das den dem des ein eine einer sie er es wir ich ihr bei im am mit nach
    von vom zur zum und oder aber auch wenn dann hier dort heute keine kein nicht
    le la les un une il elle nous vous avec pour dans sur par chez lo gli una con per
    nel nella el los las unos unas con sin por para en het een de dat deze die niet met
    voor bij na w z na od do nie się jest the an in on at of to for with from by this
    that these those no not kollege kollegin kollegen doktor professor patient patientin
    patienten pat station diagnose diagnosen befund therapie anamnese procedere verlauf
    datum status labor klinik abteilung zentrum praxis ambulanz herr frau dr prof med
    univ sehr liebe lieber geehrte geehrter werte werter dear cher chère caro cara
    estimado estimada geachte drogi droga szanowny szanowna paciente médico mr mrs ms
    fecha servicio especialidad localidad provincia domicilio sexo edad país
    oberarzt oberärztin chefarzt chefärztin stationsarzt stationsärztin assistenzarzt
    assistenzärztin facharzt fachärztin ärztlicher ärztliche direktor direktorin
    leiter leiterin sekretariat varón varon mujer hombre niño niña adolescente
    lactante recién anciano anciana homme femme enfant garçon fille uomo donna bambino
    bambina ragazzo ragazza man vrouw jongen meisje mężczyzna kobieta dziecko chłopiec
    dziewczynka mann junge mädchen säugling kind male female boy girl woman
    av avda calle paseo plaza via viale rue ul ulica str""".split()
)
