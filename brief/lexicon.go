package brief

import "strings"

// The word lists below are read-only lookup tables for the rule-based
// recognition of actors, quotations and time cues.

// wordSet builds a set from space-separated words.
func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// countryTable lists countries, one a line: the name, then the other
// forms that refer to it (adjective, people, capital used for its
// government), separated by "|".
const countryTable = `United States|US|USA|America|American|Americans|Washington
Russia|Russian|Russians|Moscow
China|Chinese|Beijing
Syria|Syrian|Syrians|Damascus
Ukraine|Ukrainian|Ukrainians|Kiev|Kyiv
United Kingdom|UK|Britain|Great Britain|British|London
France|French|Paris
Germany|German|Germans|Berlin
Iran|Iranian|Iranians|Tehran
Iraq|Iraqi|Iraqis|Baghdad
Israel|Israeli|Israelis
Turkey|Turkish|Ankara
North Korea|North Korean|North Koreans|Pyongyang
South Korea|South Korean|South Koreans|Seoul
Japan|Japanese|Tokyo
India|Indian|Indians|New Delhi
Pakistan|Pakistani|Pakistanis|Islamabad
Afghanistan|Afghan|Afghans|Kabul
Saudi Arabia|Saudi|Saudis|Riyadh
Egypt|Egyptian|Egyptians|Cairo
Libya|Libyan|Libyans|Tripoli
Yemen|Yemeni|Yemenis
Lebanon|Lebanese|Beirut
Jordan|Jordanian|Amman
Qatar|Qatari|Doha
Italy|Italian|Italians|Rome
Spain|Spanish|Madrid
Portugal|Portuguese|Lisbon
Canada|Canadian|Canadians|Ottawa
Mexico|Mexican|Mexicans
Brazil|Brazilian|Brasília
Argentina|Argentine|Argentinian
Venezuela|Venezuelan|Caracas
Colombia|Colombian|Bogotá
Cuba|Cuban|Havana
Poland|Polish|Warsaw
Greece|Greek|Athens
Ireland|Irish|Dublin
Netherlands|Dutch|The Hague
Belgium|Belgian|Brussels
Switzerland|Swiss|Bern
Austria|Austrian|Vienna
Sweden|Swedish|Stockholm
Norway|Norwegian|Oslo
Finland|Finnish|Helsinki
Denmark|Danish|Copenhagen
Hungary|Hungarian|Budapest
Czech Republic|Czech|Prague
Romania|Romanian|Bucharest
Serbia|Serbian|Belgrade
Belarus|Belarusian|Minsk
Armenia|Armenian|Yerevan
Azerbaijan|Azerbaijani|Baku
Kazakhstan|Kazakh|Astana
Palestine|Palestinian|Palestinians
Nigeria|Nigerian|Abuja
Kenya|Kenyan|Nairobi
Ethiopia|Ethiopian|Addis Ababa
South Africa|South African|Pretoria
Sudan|Sudanese|Khartoum
Somalia|Somali|Mogadishu
Algeria|Algerian|Algiers
Morocco|Moroccan|Rabat
Tunisia|Tunisian|Tunis
Australia|Australian|Australians|Canberra
New Zealand|Wellington
Indonesia|Indonesian|Jakarta
Philippines|Filipino|Philippine|Manila
Vietnam|Vietnamese|Hanoi
Thailand|Thai|Bangkok
Malaysia|Malaysian|Kuala Lumpur
Myanmar|Burmese
Taiwan|Taiwanese|Taipei
Bangladesh|Bangladeshi|Dhaka
Sri Lanka|Sri Lankan|Colombo
Iceland|Icelandic|Icelanders|Reykjavík|Reykjavik
Estonia|Estonian|Tallinn
Latvia|Latvian|Riga
Lithuania|Lithuanian|Vilnius
Moldova|Moldovan|Chisinau
Slovakia|Slovak
Slovenia|Slovenian|Ljubljana
Croatia|Croatian|Zagreb
Bulgaria|Bulgarian
Cyprus|Cypriot|Nicosia
Chile|Chilean
Peru|Peruvian|Lima
Ecuador|Ecuadorian|Quito
Bolivia|Bolivian
Uruguay|Uruguayan|Montevideo
Paraguay|Paraguayan
Haiti|Haitian
Nicaragua|Nicaraguan|Managua
Ghana|Ghanaian|Accra
Senegal|Senegalese|Dakar
Mali|Malian|Bamako
Niger|Nigerien|Niamey
Congo|Congolese|Kinshasa
Rwanda|Rwandan|Kigali
Uganda|Ugandan|Kampala
Tanzania|Tanzanian
Zimbabwe|Zimbabwean|Harare
Angola|Angolan|Luanda
Mozambique|Mozambican
Eritrea|Eritrean|Asmara
Oman|Omani|Muscat
Kuwait|Kuwaiti
Bahrain|Bahraini
United Arab Emirates|UAE|Emirati|Abu Dhabi
Uzbekistan|Uzbek|Tashkent
Turkmenistan|Turkmen
Kyrgyzstan|Kyrgyz|Bishkek
Tajikistan|Tajik|Dushanbe
Mongolia|Mongolian|Ulaanbaatar
Nepal|Nepalese|Kathmandu
Cambodia|Cambodian|Phnom Penh
Laos|Laotian|Vientiane
Singapore|Singaporean
Hong Kong
Luxembourg
Malta|Maltese`

// orgTable lists international organisations known by their short form:
// the name, then its other forms.
const orgTable = `European Union|EU
United Nations|UN|U.N.
NATO
International Monetary Fund|IMF
World Bank
World Health Organization|WHO
Kremlin
Pentagon
White House
Hamas
Hezbollah
Taliban
al-Qaeda
Islamic State|ISIS|ISIL
Reuters
Associated Press|AP
Agence France-Presse|AFP
Bloomberg
BBC|BBC News
CNN
Getty Images|Getty
Xinhua
Interfax
Al Jazeera
Twitter
Facebook
YouTube
Google`

// aliasTable reads a table in the form of countryTable into a map from
// lookup key (see key) to the first name of the line.
func aliasTable(t string) map[string]string {
	m := map[string]string{}
	for _, line := range strings.Split(t, "\n") {
		forms := strings.Split(line, "|")
		for _, f := range forms {
			m[normWord(f)] = forms[0]
		}
	}
	return m
}

var (
	countries = aliasTable(countryTable)
	knownOrgs = aliasTable(orgTable)

	// titleWords may stand before a name as its title, as in "Secretary of
	// State John Kerry" or "Sen. Jane Doe".
	titleWords = wordSet(`president vice prime minister secretary state foreign defense defence
		finance interior home general gen sen senator rep representative gov governor mayor
		king queen prince princess crown chancellor ambassador adviser advisor national security
		chief justice judge speaker commander admiral adm col colonel lt lieutenant sgt sergeant
		pope cardinal bishop archbishop rabbi imam sheikh emir sultan spokesman spokeswoman
		director chairman chairwoman deputy assistant attorney envoy special premier majority
		minority leader treasury economy trade health energy commerce labor labour
		staff army navy officer captain capt major maj supreme first lady
		district circuit federal former acting senior interim actor actress singer coach
		manager author writer sheriff agent mp mep detective inspector constable trooper
		superintendent miss sir dame lord
		mr mrs ms dr prof`)

	// honorifics are title words that are not a role.
	honorifics = wordSet(`mr mrs ms miss dr prof sir dame`)

	// abbrevTitles end with a dot that does not end the name: "Sen. Jane Doe".
	abbrevTitles = wordSet(`sen gen rep gov adm col lt sgt capt maj mr mrs ms dr prof st jr`)

	// roleNouns are lower-case words that give a person's role when they
	// stand before the name ("Syrian leader Bashar al-Assad") or head an
	// appositive ("Jane Doe, a spokeswoman for the ministry,").
	roleNouns = wordSet(`counterpart leader spokesman spokeswoman spokesperson minister president
		official envoy ambassador chief head chairman chairwoman chair director adviser advisor
		secretary commander general senator lawmaker governor mayor premier king queen prince
		judge prosecutor negotiator diplomat analyst correspondent producer reporter editor
		executive founder ceo ruler candidate nominee rival member professor economist
		spokesperson lawyer attorney officer deputy aide owner president-elect chancellor
		foreign-minister`)

	// orgCues end the name of an organisation: "Foreign Ministry",
	// "Nusra Front", "Acme Inc.".
	orgCues = wordSet(`ministry council party inc corp corporation co ltd plc bank union commission
		agency organization organisation front committee court parliament congress senate
		department office institute university association federation company fund forces army
		navy police service assembly alliance coalition movement brigade brigades network
		news times post press journal foundation board authority administration
		cabinet government regime guard militia airlines airways bureau food foods dairy
		motors industries industrial holdings securities pharmaceuticals pharma systems
		technologies telecom media capital partners insurance energy petroleum oil gas
		mining steel`)

	// nonNames are capitalised words that never name an actor.
	nonNames = wordSet(`monday tuesday wednesday thursday friday saturday sunday january february
		march april may june july august september october november december i god internet
		web christmas easter ramadan olympics cup war cold world summit g20 g7 g8 photos
		the a an this that these those group tv am pm gmt utc ok ceo`)

	// sentenceStarters are capitalised only because they open a sentence.
	sentenceStarters = wordSet(`in on at after before following but and the a an when while as
		if for with by from during since under over despite although though meanwhile however
		both last this that these those then so yet still also many some several most other
		another each every all any no not now today yesterday earlier later his her their its
		our my your we they he she it i you what who why how where which according asked
		speaking like unlike among amid without within through until once just even only
		more less such here there instead officials negotiators photos differences
		one two three four five six seven eight nine ten eleven twelve twenty hundreds thousands
		dozens millions`)

	// nameParticles join the parts of a name: "Bashar al-Assad",
	// "Ursula von der Leyen".
	nameParticles = wordSet(`al el ad bin ibn abu de da di du del della der den van von la le dos das`)

	// speechVerbs report speech: "Obama said", "said a US official".
	speechVerbs = wordSet(`said says told added insisted noted stated explained warned acknowledged
		argued wrote tweeted announced asked replied claimed declared urged confirmed denied
		cautioned stressed insists notes adds warns tells testified responded pressed recalled
		conceded admitted remarked observed countered retorted quipped joked shouted yelled
		reiterated repeated maintained emphasized emphasised predicted complained
		posted boasted suggested agreed whispered screamed wrote writes`)
)

// personTitles are the title words that mark the name after them as a
// person's: "President Putin", "Sen. Doe".
var personTitles = wordSet(`president minister secretary sen senator rep representative gov governor
	mayor king queen prince princess chancellor ambassador adviser advisor judge speaker
	commander admiral gen adm col colonel lt lieutenant sgt sergeant pope cardinal bishop
	archbishop rabbi imam sheikh emir sultan spokesman spokeswoman director chairman
	chairwoman envoy premier leader captain capt maj officer mr mrs ms dr prof chief lady
	actor actress singer coach manager author writer attorney sheriff agent mp mep detective
	inspector constable trooper superintendent miss sir dame lord`)

// placeCues end the name of a place that is not a country: "Oakland
// County". Such places are not listed as actors.
var placeCues = wordSet(`county city province region district state street avenue square
	island islands river valley mountains lake sea ocean bay airport station`)

// personNouns describe a person without naming one: "a spokesman", "the
// official", "a cousin of the victim". A pronoun after such a phrase may
// stand for that person rather than for someone named.
var personNouns = func() map[string]bool {
	m := wordSet(`cousin brother sister mother father son daughter wife husband widow widower
		uncle aunt nephew niece grandmother grandfather boyfriend girlfriend partner friend
		neighbor neighbour witness resident man woman boy girl student teacher doctor nurse
		suspect victim survivor gunman attacker driver pilot passenger soldier fighter
		worker employee fan player coach manager trainer colleague source relative child
		teenager father-in-law mother-in-law spokesperson official officer agent detective`)
	for w := range roleNouns {
		m[w] = true
	}
	return m
}()
