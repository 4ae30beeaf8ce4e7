-- demo.sql -- the content a fresh install shows (pressrum demo).
--
-- Run by store_load_demo() in one transaction on an empty, migrated
-- database.  The topic "Jämställdhet", the news item "Fortsatt satsning
-- på jämställdhet och kvinnofrid", its experts, the press officer and the
-- Covid-19 notice are taken from two pages of SKR's public website (see
-- the seeds); everything else is plausible demo content written for
-- Pressrum.  Times are given in Stockholm local time and converted to
-- UTC with '-1 hour' (winter, CET) or '-2 hours' (summer, CEST).

-- Settings ------------------------------------------------------------

INSERT INTO setting (key, value) VALUES
	('site_name', 'SKR Press'),
	('org_name', 'Sveriges Kommuner och Regioner'),
	('org_short', 'SKR'),
	('org_url', 'https://skr.se/'),
	('contact_url', 'https://skr.se/kontakt'),
	('press_phone', '08-452 70 00'),
	('press_email', 'press@skr.se');

-- Notice --------------------------------------------------------------

INSERT INTO notice (id, text, link_text, link_url, active_from, active_to,
    created_at, updated_at) VALUES
	(1, 'Har du en fråga med anledning av det pågående virusutbrottet? Titta först på våra frågor och svar som finns här på webbplatsen.',
	 'Covid-19 och det nya coronaviruset', '/amnen/covid-19',
	 unixepoch('2020-03-12 08:00', '-1 hour'), NULL,
	 unixepoch('2020-03-12 08:00', '-1 hour'),
	 unixepoch('2020-03-12 08:00', '-1 hour'));

-- Topics --------------------------------------------------------------

INSERT INTO topic (id, slug, name, lead, body_md, position, published_at,
    created_at, updated_at) VALUES
(1, 'jamstalldhet', 'Jämställdhet',
'Som politisk arena, arbetsgivare och välfärdsleverantörer har kommuner och regioner en viktig roll för jämställdhet. På de här sidorna kan du läsa om hur SKR arbetar för att stödja jämställdhets-integrering och annat jämställdhetsarbete.',
'## Jämställdhetssatsning 2021-2023

Med stöd av regeringen gör SKR en särskild satsning under tre år för att stärka arbetet för kvinnofrid och jämställdhet i kommuner och regioner. Satsningen har ett särskilt fokus på att bekämpa hedersrelaterat våld och förtryck.

## Jämställd socialtjänst

Socialtjänstens arbete handlar om människors egenmakt, om trygghet, försörjning, familj, och berör alla delar av jämställdhetspolitiken. För att kunna ge likvärdig service till olika grupper av kvinnor och män, flickor och pojkar, behöver socialtjänsten ett tydligare jämställdhetsperspektiv. En viktig del i satsningen är därför att tillsammans med de regionala stödstrukturerna (RSS) stödja jämställdhetsintegrering av kommunernas socialtjänst.

Ett tydligare jämställdhetsperspektiv och ökad kompetens på jämställdhetsområdet ger samtidigt socialtjänsten bättre redskap för att upptäcka och förebygga hedersrelaterat våld och förtryck inom sina verksamheter.

## Jämställdhetsintegrering genom Modellkonceptet

Kommuner och regioner som deltar i SKR:s Modellkoncept utvecklar sin jämställdhetsintegrering genom systematiska jämförelser och ömsesidigt lärande. Hittills har ett 40-tal kommuner och fem regioner deltagit i konceptet, där ledande politiker, chefer och strateger samverkar.

Satsningen på Modellkonceptet fortsätter inom ramen för den jämställdhetssatsningen. Utlysningar för nya omgångar planeras under 2021.

## CEMR-deklarationen

SKR står bakom den europeiska deklarationen för jämställdhet mellan kvinnor och män på lokal och regional nivå (CEMR-deklarationen) och rekommenderar kommuner och regioner att underteckna den. Deklarationen innebär ett politiskt åtagande att verka för jämställdhet inom rollerna som politiskt organ, arbetsgivare och leverantör av välfärdstjänster.

[Den europeiska deklarationen för jämställdhet mellan kvinnor och män](https://www.ccre.org/img/uploads/piecesjointe/filename/charte_egalite_en.pdf)

## Kongressuppdrag om jämställdhet

Ett av SKR:s uppdrag är att främja jämställdhetsintegrering av ledning och styrning i kommuner och regioner. Ett särskilt strategiskt mål lyder: Jämställdhetsperspektivet är en självklar integrerad del i den lokala och regionala styrningen.',
 1, unixepoch('2021-03-26 10:00', '-1 hour'),
 unixepoch('2021-03-26 10:00', '-1 hour'),
 unixepoch('2021-03-26 10:00', '-1 hour')),

(2, 'covid-19', 'Covid-19 och det nya coronaviruset',
'Här samlar SKR frågor och svar om hur covid-19 påverkar kommuner och regioner som huvudmän, arbetsgivare och ansvariga för samhällsviktig verksamhet.',
'Sveriges Kommuner och Regioner följer utvecklingen noga och stöttar kommuner och regioner med samlad information, vägledning och juridiska bedömningar. Myndigheternas beslut och rekommendationer gäller alltid före våra svar.

## Frågor och svar

### Vem bestämmer om smittskyddsåtgärder i min kommun?

Folkhälsomyndigheten ansvarar för nationella föreskrifter och rekommendationer. Regionens smittskyddsläkare leder smittskyddsarbetet i länet. Kommunen ansvarar för att verksamheter som skola, äldreomsorg och socialtjänst följer föreskrifterna.

### Kan en kommun stänga en skola?

Huvudmannen kan i vissa lägen besluta om fjärr- eller distansundervisning enligt den särskilda förordningen för skolväsendet vid spridning av sjukdom. Beslutet ska föregås av en bedömning tillsammans med smittskyddsläkaren.

### Vad gäller för anställda som tillhör en riskgrupp?

Arbetsgivaren ska göra en riskbedömning och vid behov anpassa arbetsuppgifter eller arbetsplats. SKR:s arbetsgivarrådgivning svarar på frågor från kommuner och regioner.

### Var hittar jag aktuell statistik?

Aktuell statistik om smittspridning, vaccinationer och belastning på vården publiceras av Folkhälsomyndigheten och Socialstyrelsen.

- [Folkhälsomyndigheten](https://www.folkhalsomyndigheten.se/)
- [Krisinformation.se](https://www.krisinformation.se/)',
 2, unixepoch('2020-03-12 08:00', '-1 hour'),
 unixepoch('2020-03-12 08:00', '-1 hour'),
 unixepoch('2021-02-01 10:00', '-1 hour')),

(3, 'ekonomi', 'Ekonomi',
'Kommunernas och regionernas ekonomi: skatteunderlag, statsbidrag, utjämning och prognoser för sektorns ekonomi de kommande åren.',
'SKR följer den kommunala ekonomin löpande och publicerar prognoser för skatteunderlaget fem gånger per år. Två gånger om året samlar vi analysen i **Ekonomirapporten**, som beskriver läget och utmaningarna för kommuner och regioner.

## Skatteunderlagsprognoser

Prognosen för skatteunderlagets utveckling används av kommuner och regioner i budgetarbetet. Den bygger på SKR:s bedömning av den samhällsekonomiska utvecklingen, främst sysselsättning, timlöner och pensioner.

## Kommunalekonomisk utjämning

Utjämningssystemet ska ge kommuner och regioner likvärdiga ekonomiska förutsättningar oavsett invånarnas inkomster och strukturella förhållanden. SKR beräknar preliminära utfall och stöttar medlemmarna med analyser.

## Statsbidrag

Generella statsbidrag ger kommuner och regioner frihet att prioritera efter lokala behov. SKR verkar för att riktade statsbidrag ska bli färre och långsiktiga.',
 3, unixepoch('2019-01-15 09:00', '-1 hour'),
 unixepoch('2019-01-15 09:00', '-1 hour'),
 unixepoch('2020-10-22 08:00', '-2 hours')),

(4, 'skola', 'Skola och förskola',
'Förskola, grundskola, gymnasieskola och vuxenutbildning är kommunernas största verksamhet. SKR stöttar huvudmännen i arbetet med likvärdighet, kvalitet och kompetensförsörjning.',
'Kommunerna är huvudmän för nästan all förskola och skola i Sverige och ansvarar för att alla barn och elever får en utbildning av god kvalitet.

## Likvärdig skola

Skolans resultat skiljer sig mellan elever med olika bakgrund. SKR driver utvecklingsarbete tillsammans med huvudmän som vill höja resultaten och minska skillnaderna, bland annat genom systematiskt kvalitetsarbete och stöd till rektorer.

## Lärarförsörjning

Behovet av legitimerade lärare är stort i hela landet. SKR arbetar för fler vägar in i läraryrket, bättre förutsättningar för lärare att stanna i yrket och en effektivare användning av lärarnas kompetens.

## Digitalisering i skolan

En gemensam digital infrastruktur gör det enklare för elever och lärare att använda digitala lärresurser på ett säkert sätt.',
 4, unixepoch('2019-01-15 09:00', '-1 hour'),
 unixepoch('2019-01-15 09:00', '-1 hour'),
 unixepoch('2020-11-04 13:30', '-1 hour')),

(5, 'vard-och-omsorg', 'Vård och omsorg',
'Hälso- och sjukvård, äldreomsorg och socialtjänst: SKR stöttar regioner och kommuner i arbetet med en nära, jämlik och säker vård och omsorg.',
'Regionerna ansvarar för hälso- och sjukvården och kommunerna för äldreomsorgen, omsorgen om personer med funktionsnedsättning och socialtjänsten. Verksamheterna är beroende av varandra och av en väl fungerande samverkan.

## Nära vård

Omställningen till nära vård innebär att mer av vården ges i primärvården och i hemmet, med patientens behov i centrum. SKR och staten har överenskommelser som ger stöd till omställningen.

## Äldreomsorg

Andelen äldre i befolkningen ökar. SKR stöttar kommunerna med kunskap om kvalitet, bemanning och välfärdsteknik i äldreomsorgen.

## Psykisk hälsa

Arbetet med psykisk hälsa och suicidprevention sker i samverkan mellan kommuner, regioner och civilsamhälle.',
 5, unixepoch('2019-01-15 09:00', '-1 hour'),
 unixepoch('2019-01-15 09:00', '-1 hour'),
 unixepoch('2021-01-28 09:00', '-1 hour')),

(6, 'digitalisering', 'Digitalisering',
'Digitaliseringen ger nya möjligheter att utveckla välfärden och effektivisera förvaltningen. SKR samordnar gemensamma lösningar för kommuner och regioner.',
'Kommuner och regioner står inför liknande utmaningar i digitaliseringen. Genom att samverka kring standarder, infrastruktur och upphandlingar kan sektorn dela kostnader och risker.

## Gemensamma lösningar

SKR och Inera utvecklar tjänster som alla kommuner och regioner kan använda, till exempel för e-tjänster, säker digital kommunikation och identifiering.

## Informationssäkerhet

Med fler digitala tjänster ökar kraven på informationssäkerhet. SKR ger stöd i arbetet med ledningssystem för informationssäkerhet och incidenthantering.

## AI i offentlig sektor

Artificiell intelligens kan avlasta medarbetare och förbättra service till invånarna, men kräver tydlig styrning, dataskydd och etiska överväganden.',
 6, unixepoch('2019-01-15 09:00', '-1 hour'),
 unixepoch('2019-01-15 09:00', '-1 hour'),
 unixepoch('2020-03-31 10:00', '-2 hours')),

(7, 'klimat-och-miljo', 'Klimat och miljö',
'Kommuner och regioner har en nyckelroll i klimatomställningen, både för att minska utsläppen och för att anpassa samhället till ett förändrat klimat.',
'Kommuner och regioner planerar bebyggelse, transporter och energiförsörjning och är stora upphandlare. Det ger dem stora möjligheter att påverka utsläppen.

## Klimatanpassning

Ett förändrat klimat med mer skyfall, värmeböljor och höjda havsnivåer ställer nya krav på den fysiska planeringen och på verksamheter som vård och omsorg.

## Miljö och hälsoskydd

Kommunernas miljö- och hälsoskyddsarbete omfattar bland annat tillsyn, dricksvatten och buller. SKR ger vägledning och driver medlemmarnas frågor gentemot staten.',
 7, unixepoch('2019-01-15 09:00', '-1 hour'),
 unixepoch('2019-01-15 09:00', '-1 hour'),
 unixepoch('2020-08-27 08:30', '-2 hours')),

(8, 'kompetensforsorjning', 'Kompetensförsörjning',
'Välfärden behöver rekrytera hundratusentals medarbetare de kommande tio åren. SKR arbetar med strategier för att möta utmaningen.',
'Kommuner och regioner är Sveriges största arbetsgivare. Samtidigt ökar andelen barn och äldre snabbare än andelen i arbetsför ålder, vilket gör kompetensförsörjningen till en av välfärdens största utmaningar.

## Strategier för att möta rekryteringsbehoven

- Använd kompetensen rätt
- Skapa engagemang
- Sprid goda exempel
- Visa karriärmöjligheter
- Bredda rekryteringen
- Förläng arbetslivet
- Låt fler arbeta heltid
- Utnyttja tekniken
- Marknadsför jobben

## Heltid som norm

Kommuner och regioner arbetar tillsammans med arbetstagarorganisationerna för att heltid ska bli norm i välfärden.',
 8, unixepoch('2019-01-15 09:00', '-1 hour'),
 unixepoch('2019-01-15 09:00', '-1 hour'),
 unixepoch('2019-11-12 09:00', '-1 hour'));

-- Contacts ------------------------------------------------------------

INSERT INTO contact (id, name, title, unit, phone, email, press_officer,
    on_duty, active, created_at, updated_at) VALUES
(1, 'Love Nordenmark', 'Handläggare', 'Avdelningen för vård och omsorg',
 '08-452 76 41', 'love.nordenmark@skr.se', 0, 0, 1,
 unixepoch('2021-01-11 09:00', '-1 hour'), unixepoch('2021-01-11 09:00', '-1 hour')),
(2, 'Jenny Norén', 'Projektledare', 'Avdelningen för vård och omsorg',
 '08-452 79 12', 'jenny.noren@skr.se', 0, 0, 1,
 unixepoch('2021-01-11 09:00', '-1 hour'), unixepoch('2021-01-11 09:00', '-1 hour')),
(3, 'Helene Lindstrand', 'Presschef', 'Kommunikationsavdelningen',
 '08-452 70 47', 'helene.lindstrand@skr.se', 1, 1, 1,
 unixepoch('2019-01-15 09:00', '-1 hour'), unixepoch('2021-01-11 09:00', '-1 hour')),
(4, 'Karin Holmqvist', 'Pressekreterare', 'Kommunikationsavdelningen',
 '08-452 71 53', 'karin.holmqvist@skr.se', 1, 0, 1,
 unixepoch('2019-01-15 09:00', '-1 hour'), unixepoch('2019-01-15 09:00', '-1 hour')),
(5, 'Anders Wikström', 'Senior ekonom', 'Avdelningen för ekonomi och styrning',
 '08-452 77 20', 'anders.wikstrom@skr.se', 0, 0, 1,
 unixepoch('2019-01-15 09:00', '-1 hour'), unixepoch('2019-01-15 09:00', '-1 hour')),
(6, 'Sara Lindqvist', 'Utredare', 'Avdelningen för utbildning och arbetsmarknad',
 '08-452 78 36', 'sara.lindqvist@skr.se', 0, 0, 1,
 unixepoch('2019-01-15 09:00', '-1 hour'), unixepoch('2019-01-15 09:00', '-1 hour')),
(7, 'Per Åkesson', 'Digitaliseringsstrateg', 'Avdelningen för digitalisering',
 '08-452 75 08', 'per.akesson@skr.se', 0, 0, 1,
 unixepoch('2019-01-15 09:00', '-1 hour'), unixepoch('2019-01-15 09:00', '-1 hour')),
(8, 'Elin Åberg', 'Handläggare', 'Avdelningen för tillväxt och samhällsbyggnad',
 '08-452 74 92', 'elin.aberg@skr.se', 0, 0, 1,
 unixepoch('2019-01-15 09:00', '-1 hour'), unixepoch('2019-01-15 09:00', '-1 hour')),
(9, 'Maria Ståhl', 'Sektionschef', 'Avdelningen för vård och omsorg',
 '08-452 76 65', 'maria.stahl@skr.se', 0, 0, 1,
 unixepoch('2019-01-15 09:00', '-1 hour'), unixepoch('2019-01-15 09:00', '-1 hour')),
(10, 'Johan Berg', 'Handläggare', 'Avdelningen för vård och omsorg',
 '08-452 76 90', 'johan.berg@skr.se', 0, 0, 0,
 unixepoch('2019-01-15 09:00', '-1 hour'), unixepoch('2021-01-29 16:00', '-1 hour'));

INSERT INTO contact_topic (contact_id, topic_id) VALUES
	(1, 1), (2, 1), (5, 3), (6, 4), (6, 8), (7, 6), (8, 7),
	(9, 5), (9, 2), (10, 2), (10, 5);

-- Articles ------------------------------------------------------------
-- created_at, updated_at and first_published_at are set at the end.

INSERT INTO article (id, kind, slug, title, lead, body_md, lang, status,
    publish_at) VALUES
(1, 'nyhet', 'fortsatt-satsning-pa-jamstalldhet-och-kvinnofrid',
'Fortsatt satsning på jämställdhet och kvinnofrid',
'SKR fortsätter sin satsning för att stärka jämställdhets- och kvinnofridsarbetet i kommuner och regioner. Det står klart sedan regeringen beslutat om ytterligare stöd.',
'Regeringen gav i dag besked om att bevilja Sveriges Kommuner och Regioner (SKR) 20 miljoner kronor under 2021 för fortsatt satsning på att stärka arbetet i kommuner och regioner med jämställdhet och kvinnofrid. Beslutet innebär en fortsättning på det arbete som SKR bedrivit under åren 2018–2020.

– Kommuner och regioner har en viktig roll i att förebygga våld mot kvinnor och barn och att bidra till att kvinnor, män, flickor och pojkar har samma makt och möjlighet att forma sina liv, säger Arion Chryssafis, ordförande för beredningen för socialpolitik och individomsorg på SKR.

## Stärkt fokus på att förbygga hedersrelaterat våld

SKR planerar nu ett pilotarbete i två län, för att utveckla arbetssätt och kompetens om jämställdhet i socialtjänsten, tillsammans med den regionala stöd- och samverkansstrukturen för socialtjänst och näraliggande hälso- och sjukvård (RSS). Arbetet ska ha särskilt fokus på att förebygga hedersrelaterat våld.

– Hedersrelaterat våld är ett jämställdhetsproblem som får allvarliga konsekvenser för de som drabbas. Att stärka jämställdhetsperspektivet i hela socialtjänsten, från ledning och styrning till praktisk verksamhet, är en viktig förutsättning för att socialtjänsten ska kunna ge jämställda insatser och förebygga hedersrelaterat våld, säger Arion Chryssafis.

9 miljoner kronor går till utvecklingsledare för kvinnofrid inom RSS. Det innebär att RSS kan fortsätta stödja kommunerna så som tidigare skett inom ramen för SKR:s kvinnofridssatsning 2018-2020.

Som en del av satsningen kommer SKR ge fortsatt stöd till socialtjänst, hälso- och sjukvård, skola och förskola samt till arbetsgivare i kommuner och regioner. Syftet är att stärka arbetet mot hedersrelaterat våld, våld i nära relationer och mäns våld mot kvinnor.

Samtidigt fortsätter SKR:s stöd till jämställdhetsintegrering genom modellkonceptet, där kommuner och regioner genom erfarenhetsutbyte och ömsesidigt lärande förbättrar sina verksamheter.

SKR:s särskilda insatser och arbete inom området jämställdhet och kvinnofrid planeras pågå 2021–2023.',
'sv', 'publicerad', unixepoch('2021-02-12 09:00', '-1 hour')),

(2, 'pressmeddelande', 'fler-vagar-in-i-lararyrket',
'Fler vägar in i läraryrket behövs',
'Bristen på legitimerade lärare växer. SKR föreslår nu att fler ska kunna kombinera arbete och studier för att bli lärare och att kommunerna får större möjligheter att anställa lärarassistenter.',
'Enligt SKR:s beräkningar behöver skolan rekrytera tiotusentals lärare de kommande tio åren. Samtidigt examineras för få från lärarutbildningarna för att ersätta dem som går i pension.

– Vi måste tänka nytt. Det räcker inte att utbilda fler, vi måste också se till att lärarnas kompetens används till undervisning och att fler kan ta sig in i yrket den vägen som passar dem, säger Eva Lindberg, ordförande för SKR:s beredning för utbildningsfrågor.

SKR föreslår bland annat:

- en utbyggd arbetsintegrerad lärarutbildning där studenten är anställd av en kommun under utbildningen
- fler platser på kompletterande pedagogisk utbildning
- att lärarassistenter och andra yrkesgrupper avlastar lärarna från administration.',
'sv', 'publicerad', unixepoch('2019-04-25 10:00', '-2 hours')),

(3, 'nyhet', 'skatteunderlaget-vaxer-langsammare',
'Skatteunderlaget växer långsammare',
'Konjunkturen mattas av och skatteunderlaget växer långsammare de närmaste åren. Det visar SKR:s nya prognos i Ekonomirapporten.',
'Efter flera år av stark tillväxt bromsar nu sysselsättningen in. Det märks i kommunernas och regionernas skatteintäkter, som ökar mindre än kostnaderna för en växande befolkning.

Samtidigt fortsätter antalet barn, unga och äldre att öka snabbare än antalet personer i arbetsför ålder. Ekonomirapporten pekar på att kommuner och regioner behöver effektivisera och prioritera för att klara sina åtaganden.

Prognosen för skatteunderlaget används av kommuner och regioner i arbetet med budgeten för nästa år.',
'sv', 'publicerad', unixepoch('2019-10-03 08:30', '-2 hours')),

(4, 'nyhet', 'covid-19-sa-stottar-skr-kommuner-och-regioner',
'Covid-19: Så stöttar SKR kommuner och regioner',
'SKR har samlat frågor och svar om det nya coronaviruset på webbplatsen och förstärker stödet till kommuner och regioner i arbetsgivar-, juridik- och smittskyddsfrågor.',
'Spridningen av det nya coronaviruset påverkar verksamheter i hela landet. Kommuner och regioner ansvarar för en stor del av den samhällsviktiga verksamheten, som hälso- och sjukvård, äldreomsorg och skola.

SKR har öppnat en samlad sida med frågor och svar som uppdateras löpande. Där finns vägledning om bland annat:

- arbetsrättsliga frågor och smittskydd för anställda
- skolans och förskolans ansvar vid frånvaro
- besöksrestriktioner inom äldreomsorgen
- kommunal krisberedskap och kontinuitetsplanering.

SKR har också daglig kontakt med Folkhälsomyndigheten, Socialstyrelsen och Myndigheten för samhällsskydd och beredskap.',
'sv', 'publicerad', unixepoch('2020-03-13 11:00', '-1 hour')),

(5, 'pressmeddelande', 'extra-statsbidrag-valkomnas',
'Extra statsbidrag välkomnas – men osäkerheten är stor',
'SKR välkomnar regeringens besked om ytterligare generella statsbidrag till kommuner och regioner. Samtidigt är osäkerheten om pandemins effekter på ekonomin mycket stor.',
'Regeringen aviserade i dag ytterligare tillskott till kommuner och regioner. Tillskottet är generellt, vilket innebär att kommuner och regioner själva kan prioritera var pengarna gör mest nytta.

– Det är ett viktigt besked. Kommuner och regioner har fått stora merkostnader samtidigt som skatteintäkterna minskar när arbetslösheten stiger, säger Anders Wikström, senior ekonom på SKR.

SKR återkommer med en ny skatteunderlagsprognos i slutet av april.',
'sv', 'publicerad', unixepoch('2020-04-16 14:00', '-2 hours')),

(6, 'nyhet', 'distansundervisning-erfarenheter-fran-varen',
'Distansundervisning i gymnasieskolan – erfarenheter från våren',
'Under våren övergick gymnasieskolorna till fjärr- och distansundervisning. En ny sammanställning från SKR visar vad som fungerade och vad som blev svårare.',
'Omställningen gick snabbt, och de flesta elever kunde fortsätta sin utbildning. Men skillnaderna mellan elever ökade, särskilt för elever som redan tidigare behövde extra stöd.

## Det här fungerade

Skolor som redan använde digitala lärplattformar hade lättare att ställa om. Korta, tydliga lektionspass och daglig kontakt med mentor lyfts fram som framgångsfaktorer.

## Det här blev svårare

Praktiska moment i yrkesprogrammen, bedömning och elevhälsans arbete var svårast att genomföra på distans. Flera huvudmän tog därför in elever i mindre grupper på skolan.',
'sv', 'publicerad', unixepoch('2020-09-22 09:00', '-2 hours')),

(7, 'nyhet', 'aldreomsorgen-under-pandemin-lardomar',
'Äldreomsorgen under pandemin: lärdomar inför vintern',
'Smittspridningen i äldreomsorgen under våren fick allvarliga följder. Inför vintern har kommunerna stärkt sina rutiner, och SKR sammanfattar de viktigaste lärdomarna.',
'Äldre personer med omfattande vård- och omsorgsbehov har drabbats hårt av covid-19. Under våren saknades på många håll skyddsutrustning, och möjligheterna att testa personal var begränsade.

## Skyddsutrustning och testning

I dag har kommunerna lager av skyddsutrustning och rutiner för att testa både personal och omsorgstagare. Regionerna har byggt upp kapacitet för provtagning och smittspårning.

## Bemanning och kontinuitet

Många medarbetare arbetar deltid eller har timanställning och arbetar på flera enheter. Det ökar risken för smittspridning. SKR rekommenderar att kommunerna:

1. minskar antalet personer som besöker varje omsorgstagare
2. erbjuder fler tillsvidareanställningar på heltid
3. säkerställer tillgång till medicinsk kompetens dygnet runt.

## Samverkan med regionerna

Den medicinska vården av personer i särskilt boende är ett gemensamt ansvar för kommun och region. Tydliga överenskommelser om läkarmedverkan gör skillnad.

> Vi har lärt oss mycket under det här året. Det viktigaste är att vi nu har rutiner som håller också om smittspridningen ökar igen.

– Erfarenheterna från våren måste tas tillvara, och kommunerna har gjort ett enormt arbete för att förbättra skyddet för de äldre, säger Maria Ståhl, sektionschef på SKR.',
'sv', 'publicerad', unixepoch('2020-11-25 10:00', '-1 hour')),

(8, 'pressmeddelande', 'rekordmanga-sokte-till-vard-och-omsorgscollege',
'Rekordmånga sökte till vård- och omsorgscollege',
'Intresset för att utbilda sig inom vård och omsorg har aldrig varit större. Antalet sökande till utbildningar inom vård- och omsorgscollege ökade med en femtedel jämfört med förra året.',
'Vård- och omsorgscollege är en samverkan mellan arbetsgivare, utbildningsanordnare och fackliga organisationer i regionerna. Utbildningarna leder till undersköterskeexamen och ger goda möjligheter till fast anställning.

– Pandemin har visat hur viktiga medarbetarna i vården och omsorgen är. Det är glädjande att så många vill arbeta i välfärden, säger Sara Lindqvist, utredare på SKR.',
'sv', 'publicerad', unixepoch('2021-03-04 08:00', '-1 hour')),

(9, 'nyhet', 'gemensam-upphandling-av-digital-arbetsplats',
'Gemensam upphandling av digital arbetsplats klar',
'Kommuner och regioner kan nu avropa en digital arbetsplats från ett gemensamt ramavtal. Avtalet ger bättre villkor och högre informationssäkerhet.',
'Upphandlingen har genomförts av SKR:s inköpscentral i nära samarbete med ett tjugotal kommuner och regioner. Avtalet omfattar e-post, samarbetsverktyg och lagring med krav på att data behandlas inom EU.

Per Åkesson, digitaliseringsstrateg på SKR, konstaterar att gemensamma krav gör det lättare för även mindre kommuner att ställa rätt krav på säkerhet och dataskydd.',
'sv', 'publicerad', unixepoch('2021-02-25 09:30', '-1 hour')),

(10, 'nyhet', 'local-and-regional-government-in-sweden',
'Local and regional government in Sweden',
'Sweden has 290 municipalities and 21 regions. Together they are responsible for most of the welfare services that people use every day.',
'The Swedish Association of Local Authorities and Regions (SKR) is an employers'' organisation and a member organisation for all of them.

## Who does what

- **Municipalities** run schools, elderly care, social services, water supply, planning and building permits.
- **Regions** are responsible for health care, public transport and regional development.
- **The state** sets the legal framework and funds part of the services through general grants.

## Local self-government

Municipalities and regions have extensive self-government and levy their own income tax. On average, the local and regional tax rate is around 32 per cent of taxable income.

For press enquiries in English, please call the press line or e-mail press@skr.se.',
'en', 'publicerad', unixepoch('2020-01-20 10:00', '-1 hour')),

(11, 'pressmeddelande', 'allt-fler-kommuner-och-regioner-antar-klimatloften',
'Allt fler kommuner och regioner antar klimatlöften',
'Fler än 150 kommuner och regioner har i år antagit konkreta klimatlöften. Det är en ökning med nära en tredjedel jämfört med förra året.',
'Löftena handlar bland annat om att minska utsläppen från resor och transporter, ställa klimatkrav i upphandlingar och öka andelen vegetabilisk mat i offentliga måltider.

– Kommuner och regioner går före. Vi ser ett stort engagemang i hela landet, från de minsta kommunerna till de största regionerna, säger Elin Åberg, handläggare på SKR.',
'sv', 'publicerad', unixepoch('2020-06-09 13:00', '-2 hours')),

(12, 'nyhet', 'valfardens-kompetensforsorjning-fem-strategier',
'Välfärdens kompetensförsörjning: så kan arbetsgivarna möta behoven',
'Välfärden behöver rekrytera över 500 000 personer fram till 2029. En ny rapport från SKR visar hur kommuner och regioner kan möta behoven genom att arbeta smartare, inte bara rekrytera fler.',
'Antalet personer över 80 år ökar kraftigt det kommande decenniet, samtidigt som befolkningen i arbetsför ålder växer långsamt. Om välfärden ska bemannas på samma sätt som i dag skulle nästan var fjärde ung person behöva välja att arbeta i kommuner och regioner.

## Fem strategier

Rapporten lyfter fram fem strategier som har störst effekt:

1. **Heltid som norm.** Fler som arbetar heltid motsvarar tiotusentals nya medarbetare.
2. **Rätt använd kompetens.** Legitimerad personal ska ägna sig åt det som kräver deras kompetens.
3. **Teknik som avlastar.** Välfärdsteknik och automatisering kan frigöra tid för möten med människor.
4. **Ett längre arbetsliv.** Fler ska vilja och kunna arbeta högre upp i åldrarna.
5. **Bredare rekrytering.** Fler män, utrikes födda och personer från andra branscher behövs.

## Det går att vända utvecklingen

Flera kommuner har redan visat att det fungerar. I en av kommunerna i rapporten har andelen heltidsanställda i äldreomsorgen ökat från 40 till 85 procent på fyra år, samtidigt som sjukfrånvaron har minskat.

> Kompetensförsörjningen är den största utmaningen för välfärden. Den kan inte lösas med rekrytering allena.

Rapporten finns att ladda ner kostnadsfritt.',
'sv', 'publicerad', unixepoch('2019-11-12 09:00', '-1 hour')),

(13, 'nyhet', 'jamstalldhetsdata-visar-vagen',
'Internationella kvinnodagen: könsuppdelad statistik visar vägen',
'För att kunna erbjuda jämställd service behöver kommuner och regioner veta hur kvinnor och män, flickor och pojkar använder verksamheterna. Allt fler tar fram könsuppdelad statistik.',
'Könsuppdelad statistik är grunden för jämställdhetsintegrering. När verksamheterna följer upp sina resultat för kvinnor och män blir skillnaderna synliga och går att åtgärda.

I SKR:s Modellkoncept jämför deltagande kommuner och regioner sina resultat med varandra. Erfarenheterna visar att det som mäts också blir gjort.

– Vi ser att kommuner som tar fram och använder könsuppdelad statistik i styrningen kan göra skillnad för invånarna, säger Love Nordenmark, handläggare på SKR.',
'sv', 'publicerad', unixepoch('2021-03-08 08:00', '-1 hour')),

(14, 'pressmeddelande', 'statsbidragen-racker-inte',
'Statsbidragen räcker inte för att täcka kostnadsökningarna',
'Regeringens budgetproposition innehåller ett tillskott till kommuner och regioner. SKR konstaterar att det inte räcker för att möta de ökade behoven när antalet barn och äldre växer.',
'Kostnaderna för kommuner och regioner ökar snabbt, främst för att antalet barn, unga och äldre växer snabbare än antalet personer i arbetsför ålder. Samtidigt stiger pensionskostnaderna. SKR:s beräkningar visar att sektorn behöver betydligt större tillskott de kommande åren för att undvika nedskärningar i välfärden.

– Vi förstår att det finns många angelägna behov i statens budget. Men utan tillräckliga resurser kommer många kommuner och regioner att tvingas till besparingar i verksamheter som skola och vård, säger Anders Wikström, senior ekonom på SKR.',
'sv', 'publicerad', unixepoch('2019-09-18 10:00', '-2 hours')),

(15, 'nyhet', 'digital-inloggning-i-skolan',
'Ny gemensam lösning för säker inloggning i skolan',
'Elever och lärare ska kunna logga in i digitala lärresurser på ett säkert och enkelt sätt. Nu lanseras en gemensam federation för skolans inloggning.',
'Med en gemensam federation kan huvudmännen använda samma inloggning till läromedel, nationella prov och skolans administrativa system. Det minskar antalet konton och lösenord och förbättrar dataskyddet för eleverna.

Lösningen bygger på öppna standarder och kan användas av både kommunala och fristående huvudmän.',
'sv', 'publicerad', unixepoch('2020-02-13 09:00', '-1 hour')),

(16, 'nyhet', 'varmebolja-sa-forbereder-sig-kommuner-och-regioner',
'Värmebölja: så förbereder sig kommuner och regioner',
'Långvarig värme är en hälsorisk för äldre och kroniskt sjuka. Inför sommaren går kommuner och regioner igenom sina planer för att skydda de mest sårbara.',
'Sommaren 2018 hade Sverige långa perioder med ovanligt höga temperaturer. Höga temperaturer ökar risken för uttorkning och försämrad hälsa, särskilt bland äldre personer som bor i särskilt boende eller har hemtjänst.

## Handlingsplaner för värmebölja

De flesta regioner och många kommuner har i dag handlingsplaner som aktiveras när SMHI varnar för höga temperaturer. Planerna omfattar bland annat:

- rutiner för att kontrollera inomhustemperaturen på boenden
- extra vätska och anpassade måltider
- uppmärksamhet på läkemedel som påverkar värmekänsligheten
- information till anhöriga och personal.

## Långsiktig klimatanpassning

På längre sikt behöver nya boenden och vårdlokaler planeras för ett varmare klimat, med solskydd, grönska och möjlighet till kylning.

– Klimatanpassning handlar inte bara om skyfall och översvämningar. Värmen är en av de största hälsoriskerna i ett förändrat klimat, säger Elin Åberg, handläggare på SKR.',
'sv', 'publicerad', unixepoch('2019-05-29 11:00', '-2 hours')),

(17, 'pressmeddelande', 'ekonomirapporten-oktober-2020',
'Ekonomirapporten oktober 2020: Tuffa år väntar för regionerna',
'De tillfälliga statsbidragen under pandemin ger kommuner och regioner ett bättre resultat i år än väntat. Men regionerna står inför flera tuffa år när den uppskjutna vården ska tas igen, visar höstens Ekonomirapport.',
'Kostnader för provtagning, smittspårning, skyddsutrustning och inhyrd personal har pressat regionernas ekonomi under året. Samtidigt har många planerade operationer och besök fått skjutas upp, och den vården behöver tas igen de kommande åren.

– Regionerna gör vad de kan för att ta hand om den uppskjutna vården, men det tar tid, och de tillfälliga statsbidragen upphör, säger Anders Wikström, senior ekonom på SKR.

Rapporten visar också att skatteunderlaget växer svagt nästa år innan konjunkturen vänder uppåt efter pandemin.',
'sv', 'publicerad', unixepoch('2020-10-22 08:00', '-2 hours')),

(18, 'nyhet', 'vagledning-for-digitala-sammantraden',
'Vägledning för digitala sammanträden i kommuner och regioner',
'Allt fler fullmäktige och nämnder vill sammanträda på distans för att minska risken för smittspridning. SKR har tagit fram en vägledning om juridik, teknik och informationssäkerhet.',
'Kommunallagen ger fullmäktige och nämnder möjlighet att låta ledamöter delta på distans, men det kräver ett beslut och att tekniken uppfyller lagens krav. Samtidigt finns risker kring sekretess, personuppgifter och informationssäkerhet när mötena hålls i digitala verktyg.

Vägledningen tar upp:

- vilka beslut fullmäktige behöver fatta för att tillåta deltagande på distans
- krav på att alla deltagare ska kunna se och höra varandra och delta på lika villkor
- hur ärenden med sekretess och personuppgifter kan hanteras
- vad som bör regleras i avtal med leverantörer av mötestjänster.

– Det viktiga är att den demokratiska processen fungerar lika väl på distans som i sammanträdesrummet, säger Per Åkesson, digitaliseringsstrateg på SKR.',
'sv', 'publicerad', unixepoch('2020-03-31 10:00', '-2 hours')),

(19, 'nyhet', 'jamstalld-socialtjanst-tva-pilotlan-startar-arbetet',
'Jämställd socialtjänst: två pilotlän startar arbetet',
'Socialtjänsten i två län blir först ut i SKR:s pilotarbete för att stärka jämställdhetsperspektivet och förebygga hedersrelaterat våld. Arbetet är en del av satsningen på jämställdhet och kvinnofrid som regeringen beslutade om i februari.',
'Pilotarbetet genomförs tillsammans med de regionala stöd- och samverkansstrukturerna (RSS) och pågår till och med 2023. Socialtjänsten i de två länen ska bland annat kartlägga sina insatser utifrån kön och ta fram rutiner för att upptäcka hedersrelaterat våld och förtryck.

## Det här ska pilotarbetet ge

- en gemensam kunskapsgrund om jämställdhet hos chefer och medarbetare
- könsuppdelad uppföljning av bistånd och insatser
- tydligare rutiner när barn och unga riskerar att utsättas för hedersrelaterat våld.

– Jämställdhetsintegrering och arbetet mot hedersrelaterat våld hänger ihop. När vi ser skillnaderna kan vi också göra något åt dem, säger Jenny Norén, projektledare på SKR.

Erfarenheterna från pilotlänen ska sedan spridas till socialtjänsten i hela landet.',
'sv', 'publicerad', unixepoch('2021-03-25 09:00', '-1 hour')),

(20, 'pressmeddelande', 'lararbristen-minskar-men-inte-overallt',
'Lärarbristen minskar – men inte överallt',
'Andelen legitimerade lärare ökar för tredje året i rad. Men i många mindre kommuner och i vissa ämnen är bristen fortsatt stor, visar SKR:s nya analys.',
'Analysen visar att fler lärare stannar i yrket och att fler söker sig till lärarutbildningen. Samtidigt har barnkullarna börjat minska, vilket på sikt minskar behovet i förskolan.

Bristen är störst på lärare i yrkesämnen, moderna språk och svenska som andraspråk, och i kommuner långt från lärosätena.

– Vi behöver en lärarutbildning som finns i hela landet och som går att kombinera med arbete, säger Sara Lindqvist, utredare på SKR.',
'sv', 'publicerad', unixepoch('2020-11-04 13:30', '-1 hour')),

(21, 'nyhet', 'ny-overenskommelse-om-psykisk-halsa',
'Ny överenskommelse om psykisk hälsa och suicidprevention',
'Staten och SKR har träffat en ny överenskommelse om stöd till kommuner och regioner för arbetet med psykisk hälsa och suicidprevention under 2021.',
'Överenskommelsen omfattar insatser för barn och unga, personer med svår psykisk sjukdom och arbetet med suicidprevention. Medlen fördelas till kommuner och regioner utifrån befolkningsmängd.

En viktig del är att kommuner och regioner tillsammans tar fram gemensamma handlingsplaner, så att ingen faller mellan stolarna när ansvaret delas.',
'sv', 'publicerad', unixepoch('2021-01-28 09:00', '-1 hour')),

(22, 'pressmeddelande', 'budgetpropositionen-2021-ett-steg-i-ratt-riktning',
'Budgetpropositionen för 2021: ett steg i rätt riktning',
'SKR välkomnar att regeringen höjer de generella statsbidragen i budgetpropositionen för 2021. Men pandemin gör att osäkerheten om de kommande årens ekonomi är fortsatt stor.',
'Tillskottet är generellt, vilket ger kommuner och regioner möjlighet att prioritera utifrån lokala behov. SKR har länge efterfrågat just generella bidrag framför riktade.

– Det är ett steg i rätt riktning, men det täcker inte hela gapet mellan intäkter och kostnader. Särskilt regionerna har stora utmaningar när den vård som skjutits upp under pandemin ska tas igen, säger Anders Wikström, senior ekonom på SKR.',
'sv', 'publicerad', unixepoch('2020-09-21 10:00', '-2 hours')),

(23, 'nyhet', 'ny-kartlaggning-av-risker-for-oversvamning',
'Ny kartläggning av risker för översvämning',
'En ny kartläggning visar att nästan hälften av kommunerna har samhällsviktig verksamhet i områden som riskerar att översvämmas vid skyfall.',
'Kartläggningen har gjorts av SKR tillsammans med ett antal kommuner och bygger på nationella skyfallskarteringar. Den visar att bland annat vårdboenden, skolor och vattenverk ligger i riskområden.

SKR rekommenderar att kommunerna tar in resultaten i översiktsplaneringen och i arbetet med kontinuitetsplaner.',
'sv', 'publicerad', unixepoch('2020-08-27 08:30', '-2 hours')),

-- Not public: a draft, a scheduled press release, a withdrawn item.
(24, 'nyhet', 'ny-handlingsplan-for-kvinnofrid',
'Ny handlingsplan för kvinnofrid',
'Utkast: SKR tar fram en ny handlingsplan för arbetet mot mäns våld mot kvinnor.',
'Texten är under arbete.',
'sv', 'utkast', NULL),

(25, 'pressmeddelande', 'valfardens-utmaningar-till-2035',
'Välfärdens utmaningar till 2035',
'SKR presenterar en ny långtidsutredning om välfärdens finansiering och kompetensförsörjning fram till 2035.',
'Långtidsutredningen beskriver hur befolkningsförändringar påverkar behoven av välfärdstjänster och vad det betyder för kommunernas och regionernas ekonomi.',
'sv', 'publicerad', unixepoch('2030-01-15 09:00', '-1 hour')),

(26, 'nyhet', 'felaktig-uppgift-om-statsbidrag',
'Uppgifter om statsbidrag för 2021',
'Artikeln har dragits tillbaka eftersom den innehöll felaktiga belopp.',
'Artikeln har dragits tillbaka.',
'sv', 'avpublicerad', unixepoch('2020-09-21 15:00', '-2 hours')),

-- A plain page (kind sida), reached by its slug, never in lists.
(27, 'sida', 'tillganglighet',
'Tillgänglighet för SKR Press',
'Sveriges Kommuner och Regioner står bakom webbplatsen SKR Press. Vi vill att så många som möjligt ska kunna använda den. Här beskriver vi hur webbplatsen uppfyller lagen om tillgänglighet till digital offentlig service, vilka brister vi känner till och hur du rapporterar problem.',
'Den här redogörelsen gäller webbplatsen SKR Press: nyheter, pressmeddelanden, ämnessidor och presskontakter från Sveriges Kommuner och Regioner (SKR), och redaktionens verktyg för att publicera dem.

## Hur tillgänglig är webbplatsen?

Webbplatsen är **delvis förenlig** med lagen (2018:1937) om tillgänglighet till digital offentlig service, på grund av de brister som beskrivs nedan. Vi arbetar mot kraven i WCAG 2.2 på nivå AA, som rymmer de krav i WCAG 2.1 AA som lagen hänvisar till genom standarden EN 301 549.

Sidorna fungerar utan JavaScript, med bara tangentbord, med skärmläsare och med förstoring upp till 400 procent.

## Innehåll som inte är tillgängligt

- **Äldre pressmeddelanden som PDF.** Några pressmeddelanden från före 2019 länkar till PDF-filer utan taggad struktur, som är svåra att läsa med skärmläsare (WCAG 1.3.1). Filer publicerade före den 23 september 2018 omfattas inte av lagens krav. Be oss om innehållet i ett annat format, så skickar vi det.
- **Inspelade sändningar hos andra.** Vissa artiklar länkar till inspelade webbsändningar på andra webbplatser som saknar textning (WCAG 1.2.2). Sändningarna ligger utanför vår kontroll.
- **Tabeller i äldre artiklar.** I några artiklar från 2019 saknar tabellerna rubrikceller, vilket gör dem svårare att förstå med skärmläsare (WCAG 1.3.1). Vi rättar dem under 2021.

## Hur vi har testat webbplatsen

Vi har gjort en självskattning, det vill säga granskat webbplatsen själva. Varje sidtyp kontrolleras automatiskt vid varje ändring med axe-core mot WCAG 2.2 nivå A och AA och med W3C:s validerare (Nu HTML Checker). Dessutom har vi granskat sidorna manuellt med bara tangentbord, med skärmläsarna NVDA och VoiceOver, med förstoring och i smala fönster ned till 320 pixlar.

Bedömningen gjordes den 4 januari 2021. Redogörelsen uppdaterades senast den 4 januari 2021.

## Rapportera brister eller be om innehåll i annat format

Om du upptäcker problem som inte beskrivs här, eller behöver innehåll från webbplatsen i ett annat format, till exempel lättläst text, punktskrift eller inläst ljud, kontakta oss:

- e-post [press@skr.se](mailto:press@skr.se)
- telefon [08-452 70 00](tel:+46845270000)

Vi svarar inom två arbetsdagar.

## Tillsyn

Myndigheten för digital förvaltning (Digg) har ansvar för tillsynen över lagen om tillgänglighet till digital offentlig service. Om du inte är nöjd med hur vi hanterar dina synpunkter kan du [anmäla det till Digg i deras anmälningsformulär](https://www.digg.se/tdosanmalan).

## Inga kakor eller resurser från andra

Webbplatsen hämtar inga skript, typsnitt, bilder eller andra resurser från andra webbplatser och sätter inga kakor hos besökare. Därför behövs varken kakbanner eller samtycke. Bara inloggad redaktionspersonal får en nödvändig inloggningskaka.',
'sv', 'publicerad', unixepoch('2021-01-04 09:00', '-1 hour'));

-- Times: created a day before publication, updated at publication.  The
-- draft and the scheduled press release were last saved on 29 March
-- 2021 (the demo's "today"): no save lies in the future.
UPDATE article SET
	created_at = min(coalesce(publish_at, unixepoch('2021-03-29 14:00', '-2 hours')),
	    unixepoch('2021-03-29 14:00', '-2 hours')) - 86400,
	updated_at = min(coalesce(publish_at, unixepoch('2021-03-29 14:00', '-2 hours')),
	    unixepoch('2021-03-29 14:00', '-2 hours')),
	first_published_at = CASE WHEN status = 'utkast'
	    OR publish_at > unixepoch('2030-01-01') THEN NULL ELSE publish_at END;
UPDATE article SET updated_at = unixepoch('2020-09-22 08:15', '-2 hours')
 WHERE id = 26;
-- The seed article was corrected once, the week after it came out.
UPDATE article SET updated_at = unixepoch('2021-02-15 14:20', '-1 hour')
 WHERE id = 1;
-- What the public pages show as "Uppdaterad" (migrations/0009).
UPDATE article SET noted_at = updated_at
 WHERE publish_at IS NOT NULL AND updated_at > publish_at + 600;

INSERT INTO article_topic (article_id, topic_id) VALUES
	(1, 1), (2, 4), (2, 8), (3, 3), (4, 2), (5, 3), (5, 2), (6, 4),
	(6, 2), (7, 5), (7, 2), (8, 8), (8, 5), (9, 6), (10, 3), (11, 7),
	(12, 8), (13, 1), (14, 3), (15, 6), (15, 4), (16, 7), (16, 5),
	(17, 3), (17, 5), (18, 6), (19, 1), (20, 4), (20, 8), (21, 5),
	(22, 3), (23, 7), (24, 1), (25, 3), (25, 8), (26, 3);

INSERT INTO article_expert (article_id, contact_id, position) VALUES
	(1, 1, 1), (1, 2, 2),
	(3, 5, 1), (5, 5, 1), (7, 9, 1), (7, 10, 2), (8, 6, 1), (9, 7, 1),
	(11, 8, 1), (12, 6, 1), (13, 1, 1), (14, 5, 1), (15, 7, 1),
	(15, 6, 2), (16, 8, 1), (16, 9, 2), (17, 5, 1), (18, 7, 1),
	(19, 2, 1), (19, 1, 2), (20, 6, 1), (21, 9, 1), (22, 5, 1),
	(23, 8, 1);

INSERT INTO article_link (article_id, position, title, url) VALUES
	(1, 1, 'Jämställdhet', '/amnen/jamstalldhet'),
	(1, 2, 'Regeringens beslut om stöd till SKR', 'https://www.regeringen.se/'),
	(4, 1, 'Frågor och svar om covid-19', '/amnen/covid-19'),
	(4, 2, 'Folkhälsomyndigheten', 'https://www.folkhalsomyndigheten.se/'),
	(7, 1, 'Covid-19 och det nya coronaviruset', '/amnen/covid-19'),
	(12, 1, 'Kompetensförsörjning', '/amnen/kompetensforsorjning'),
	(16, 1, 'SMHI:s varningar', 'https://www.smhi.se/'),
	(16, 2, 'Klimat och miljö', '/amnen/klimat-och-miljo'),
	(19, 1, 'Fortsatt satsning på jämställdhet och kvinnofrid',
	 '/nyheter/fortsatt-satsning-pa-jamstalldhet-och-kvinnofrid'),
	(19, 2, 'Jämställdhet', '/amnen/jamstalldhet');

-- Every article starts with its first revision.
INSERT INTO article_revision (article_id, version, kind, slug, title, lead,
    body_md, lang, status, publish_at, topics_json, experts_json,
    links_json, saved_at, account_id)
SELECT a.id, a.version, a.kind, a.slug, a.title, a.lead, a.body_md, a.lang,
       a.status, a.publish_at,
       (SELECT json_group_array(topic_id) FROM
	   (SELECT topic_id FROM article_topic WHERE article_id = a.id
	     ORDER BY topic_id)),
       (SELECT json_group_array(contact_id) FROM
	   (SELECT contact_id FROM article_expert WHERE article_id = a.id
	     ORDER BY position)),
       (SELECT json_group_array(json_object('title', title, 'url', url)) FROM
	   (SELECT title, url FROM article_link WHERE article_id = a.id
	     ORDER BY position)),
       a.updated_at, NULL
  FROM article AS a;

INSERT INTO audit_log (at, account_id, action, object_type, object_id,
    summary) VALUES
	(unixepoch(), NULL, 'demo', 'site', NULL,
	 'Demoinnehållet lästes in');
