"""How each main diagnosis presented: one clinical sentence per language (de fr it es nl pl en)."""

from __future__ import annotations

from medocr.samples.languages import LANGUAGES, Language

_PRESENTATIONS: dict[str, tuple[str, str, str, str, str, str, str]] = {
    "J18.9": (
        "Klinisch bestanden Husten mit Auswurf, Fieber und Atemnot; im Röntgen-Thorax "
        "zeigte sich ein Infiltrat im rechten Unterlappen.",
        "Le tableau associait toux productive, fièvre et dyspnée ; la radiographie "
        "thoracique montrait un foyer de condensation basal droit.",
        "Il quadro clinico comprendeva tosse produttiva, febbre e dispnea; la radiografia "
        "del torace mostrava un addensamento basale destro.",
        "Presentaba tos productiva, fiebre y disnea; la radiografía de tórax mostró una "
        "condensación en la base derecha.",
        "Er was sprake van productieve hoest, koorts en kortademigheid; de X-thorax toonde "
        "een infiltraat rechts basaal.",
        "Występował kaszel z odkrztuszaniem, gorączka i duszność; w RTG klatki piersiowej "
        "stwierdzono zagęszczenie w dolnym płacie prawego płuca.",
        "There was a productive cough, fever and breathlessness; the chest X-ray showed "
        "right lower lobe consolidation.",
    ),
    "K35.8": (
        "Es bestanden rechtsseitige Unterbauchschmerzen mit Übelkeit; sonographisch zeigte "
        "sich eine verdickte Appendix. Es erfolgte eine laparoskopische Appendektomie.",
        "Il existait des douleurs de la fosse iliaque droite avec nausées ; l'échographie "
        "montrait un appendice épaissi. Une appendicectomie par cœlioscopie a été réalisée.",
        "Era presente dolore in fossa iliaca destra con nausea; l'ecografia mostrava "
        "un'appendice ispessita. È stata eseguita un'appendicectomia laparoscopica.",
        "Presentaba dolor en fosa ilíaca derecha con náuseas; la ecografía mostró un "
        "apéndice engrosado. Se realizó apendicectomía laparoscópica.",
        "Er was pijn rechtsonder in de buik met misselijkheid; echografisch werd een "
        "verdikte appendix gezien. Er werd een laparoscopische appendectomie verricht.",
        "Występował ból w prawym dole biodrowym z nudnościami; w USG uwidoczniono "
        "pogrubiały wyrostek robaczkowy. Wykonano laparoskopową appendektomię.",
        "There was right iliac fossa pain with nausea; ultrasound showed a thickened "
        "appendix. A laparoscopic appendicectomy was performed.",
    ),
    "S72.0": (
        "Nach einem häuslichen Sturz bestanden Hüftschmerzen mit Verkürzung und "
        "Außenrotation des Beins; die Fraktur wurde radiologisch bestätigt und operativ "
        "versorgt.",
        "Après une chute à domicile, il existait une douleur de hanche avec raccourcissement "
        "et rotation externe du membre ; la fracture, confirmée à la radiographie, a été "
        "opérée.",
        "Dopo una caduta domestica erano presenti dolore all'anca, accorciamento e "
        "rotazione esterna dell'arto; la frattura, confermata radiologicamente, è stata "
        "trattata chirurgicamente.",
        "Tras una caída en el domicilio presentaba dolor de cadera con acortamiento y "
        "rotación externa del miembro; la fractura se confirmó por radiografía y se trató "
        "quirúrgicamente.",
        "Na een val thuis was er heuppijn met verkorting en exorotatie van het been; de "
        "fractuur werd radiologisch bevestigd en operatief behandeld.",
        "Po upadku w domu wystąpił ból biodra ze skróceniem i rotacją zewnętrzną "
        "kończyny; złamanie potwierdzono w RTG i leczono operacyjnie.",
        "After a fall at home there was hip pain with shortening and external rotation of "
        "the leg; X-ray confirmed the fracture, which was fixed surgically.",
    ),
    "I21.9": (
        "Es bestanden akute retrosternale Schmerzen mit Ausstrahlung in den linken Arm; "
        "EKG und Troponinanstieg bestätigten den Infarkt, es erfolgte eine "
        "Koronarintervention mit Stentimplantation.",
        "Il existait une douleur thoracique rétrosternale irradiant au bras gauche ; l'ECG "
        "et l'élévation de la troponine ont confirmé l'infarctus, traité par angioplastie "
        "avec pose de stent.",
        "Era presente dolore toracico retrosternale irradiato al braccio sinistro; ECG e "
        "aumento della troponina hanno confermato l'infarto, trattato con angioplastica e "
        "impianto di stent.",
        "Presentaba dolor torácico retroesternal irradiado al brazo izquierdo; el ECG y la "
        "elevación de troponina confirmaron el infarto, tratado mediante angioplastia con "
        "implante de stent.",
        "Er was acute retrosternale pijn met uitstraling naar de linkerarm; ECG en "
        "troponinestijging bevestigden het infarct, waarvoor een PCI met stentplaatsing "
        "werd verricht.",
        "Wystąpił ostry ból zamostkowy promieniujący do lewego ramienia; EKG i wzrost "
        "troponiny potwierdziły zawał, wykonano angioplastykę z implantacją stentu.",
        "There was acute central chest pain radiating to the left arm; ECG changes and a "
        "rising troponin confirmed the infarction, treated by angioplasty and stenting.",
    ),
    "I50.9": (
        "Es bestanden zunehmende Belastungsdyspnoe und Beinödeme; unter diuretischer "
        "Therapie kam es zu einer deutlichen Gewichtsabnahme.",
        "Il existait une dyspnée d'effort croissante et des œdèmes des membres inférieurs ; "
        "le traitement diurétique a permis une nette perte de poids.",
        "Erano presenti dispnea da sforzo ingravescente ed edemi declivi; con la terapia "
        "diuretica si è ottenuto un netto calo ponderale.",
        "Presentaba disnea de esfuerzo progresiva y edemas en miembros inferiores; con "
        "tratamiento diurético se consiguió una clara pérdida de peso.",
        "Er was toenemende inspanningsdyspneu met oedeem van de benen; onder diuretica nam "
        "het gewicht duidelijk af.",
        "Występowała narastająca duszność wysiłkowa i obrzęki kończyn dolnych; po leczeniu "
        "moczopędnym uzyskano wyraźny spadek masy ciała.",
        "There was increasing exertional breathlessness with ankle oedema; diuretic "
        "treatment led to clear weight loss.",
    ),
    "N39.0": (
        "Es bestanden Dysurie, Pollakisurie und Fieber; im Urin fanden sich Leukozyten und "
        "Nitrit, die Behandlung erfolgte antibiotisch.",
        "Il existait des brûlures mictionnelles, une pollakiurie et de la fièvre ; la "
        "bandelette urinaire montrait leucocytes et nitrites et un antibiotique a été "
        "instauré.",
        "Erano presenti disuria, pollachiuria e febbre; l'esame delle urine mostrava "
        "leucociti e nitriti ed è stata avviata una terapia antibiotica.",
        "Presentaba disuria, polaquiuria y fiebre; el sedimento urinario mostró leucocitos "
        "y nitritos y se inició tratamiento antibiótico.",
        "Er waren dysurie, pollakisurie en koorts; in de urine werden leukocyten en nitriet "
        "gevonden en er werd gestart met antibiotica.",
        "Występowały dyzuria, częstomocz i gorączka; w badaniu moczu stwierdzono leukocyty "
        "i azotyny, wdrożono antybiotykoterapię.",
        "There was dysuria, frequency and fever; urinalysis showed leucocytes and nitrites "
        "and antibiotics were started.",
    ),
    "I10": (
        "Trotz Therapie liegen die Blutdruckwerte in der Heimmessung weiterhin bei "
        "160/95 mmHg.",
        "Malgré le traitement, l'automesure tensionnelle reste autour de 160/95 mmHg.",
        "Nonostante la terapia, i valori pressori domiciliari restano intorno a "
        "160/95 mmHg.",
        "A pesar del tratamiento, las cifras de tensión arterial en domicilio se mantienen "
        "en torno a 160/95 mmHg.",
        "Ondanks behandeling blijft de thuisgemeten bloeddruk rond 160/95 mmHg.",
        "Mimo leczenia ciśnienie tętnicze w pomiarach domowych utrzymuje się około "
        "160/95 mmHg.",
        "Despite treatment, home blood pressure readings remain around 160/95 mmHg.",
    ),
    "E11.9": (
        "Der HbA1c-Wert ist trotz Metformin auf 7,9 % angestiegen.",
        "L'HbA1c a augmenté à 7,9 % malgré la metformine.",
        "L'HbA1c è salita al 7,9 % nonostante la metformina.",
        "La HbA1c ha aumentado al 7,9 % a pesar de la metformina.",
        "Het HbA1c is ondanks metformine gestegen tot 7,9 %.",
        "Mimo leczenia metforminą HbA1c wzrosła do 7,9 %.",
        "HbA1c has risen to 7.9 % despite metformin.",
    ),
    "I48.9": (
        "Im EKG zeigt sich ein tachykardes Vorhofflimmern um 120/min bei Palpitationen.",
        "L'ECG montre une fibrillation auriculaire rapide autour de 120/min, avec des "
        "palpitations.",
        "L'ECG mostra una fibrillazione atriale ad alta risposta ventricolare, circa "
        "120/min, con cardiopalmo.",
        "El ECG muestra fibrilación auricular rápida en torno a 120 lpm, con palpitaciones.",
        "Het ECG toont snel atriumfibrilleren rond 120/min, met hartkloppingen.",
        "W EKG migotanie przedsionków z szybką czynnością komór około 120/min; zgłaszane "
        "są kołatania serca.",
        "The ECG shows fast atrial fibrillation at about 120/min, with palpitations.",
    ),
    "J44.9": (
        "Es bestehen zunehmende Belastungsdyspnoe und Husten; die Spirometrie zeigt eine "
        "FEV1 von 58 % des Sollwerts.",
        "La dyspnée d'effort et la toux augmentent ; la spirométrie montre un VEMS à 58 % "
        "de la valeur théorique.",
        "Dispnea da sforzo e tosse sono in aumento; la spirometria mostra un FEV1 pari al "
        "58 % del teorico.",
        "Presenta disnea de esfuerzo y tos crecientes; la espirometría muestra un FEV1 del "
        "58 % del teórico.",
        "Er is toenemende inspanningsdyspneu en hoest; de spirometrie toont een FEV1 van "
        "58 % van voorspeld.",
        "Narasta duszność wysiłkowa i kaszel; spirometria wykazuje FEV1 58 % wartości "
        "należnej.",
        "Exertional breathlessness and cough are increasing; spirometry shows an FEV1 of "
        "58 % predicted.",
    ),
    "K80.2": (
        "Rezidivierende postprandiale Oberbauchschmerzen rechts; sonographisch mehrere "
        "Gallenblasensteine ohne Wandverdickung.",
        "Douleurs récidivantes de l'hypocondre droit après les repas ; l'échographie montre "
        "plusieurs calculs vésiculaires sans épaississement pariétal.",
        "Dolore ricorrente all'ipocondrio destro dopo i pasti; l'ecografia mostra più "
        "calcoli della colecisti senza ispessimento di parete.",
        "Dolor recurrente en hipocondrio derecho tras las comidas; la ecografía muestra "
        "varios cálculos en la vesícula sin engrosamiento de pared.",
        "Recidiverende pijn rechts in de bovenbuik na de maaltijd; echografisch meerdere "
        "galstenen zonder wandverdikking.",
        "Nawracające bóle w prawym podżebrzu po posiłkach; w USG liczne złogi w pęcherzyku "
        "żółciowym bez pogrubienia ściany.",
        "Recurrent right upper quadrant pain after meals; ultrasound shows several "
        "gallstones without wall thickening.",
    ),
    "M17.1": (
        "Belastungsabhängige Knieschmerzen mit eingeschränkter Gehstrecke; das Röntgenbild "
        "zeigt eine fortgeschrittene Gelenkspaltverschmälerung.",
        "Gonalgies mécaniques avec périmètre de marche réduit ; la radiographie montre un "
        "pincement articulaire avancé.",
        "Gonalgia meccanica con autonomia di marcia ridotta; la radiografia mostra un "
        "marcato restringimento della rima articolare.",
        "Gonalgia mecánica con limitación de la marcha; la radiografía muestra un "
        "pinzamiento articular avanzado.",
        "Belastingsafhankelijke kniepijn met beperkte loopafstand; de röntgenfoto toont een "
        "sterk versmalde gewrichtsspleet.",
        "Bóle kolana przy obciążeniu z ograniczonym dystansem chodu; RTG wykazuje "
        "zaawansowane zwężenie szpary stawowej.",
        "Knee pain on weight bearing with reduced walking distance; X-ray shows advanced "
        "joint space narrowing.",
    ),
    "I25.1": (
        "Belastungsabhängige Angina pectoris; das Belastungs-EKG war bei 75 Watt positiv.",
        "Angor d'effort ; l'épreuve d'effort était positive à 75 watts.",
        "Angina da sforzo; il test ergometrico è risultato positivo a 75 watt.",
        "Angina de esfuerzo; la ergometría fue positiva a 75 vatios.",
        "Inspanningsgebonden angina pectoris; de fietsergometrie was positief bij 75 watt.",
        "Dławica wysiłkowa; próba wysiłkowa dodatnia przy obciążeniu 75 W.",
        "Exertional angina; the exercise ECG was positive at 75 watts.",
    ),
}


def presentation(code: str, language: Language) -> str:
    """The sentence describing how ``code`` presented, or an empty string."""
    sentences = _PRESENTATIONS.get(code)
    return sentences[LANGUAGES.index(language)] if sentences else ""
