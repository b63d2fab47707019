package lexicon

import "strings"

// Set is a read-only set of lower-case words (lookup forms: lower case,
// the dots of an abbreviation removed).
type Set struct{ m map[string]bool }

// Has reports whether w is in the set.
func (s Set) Has(w string) bool { return s.m[w] }

// words builds a set from space-separated words.
func words(s string, more ...Set) Set {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	for _, o := range more {
		for w := range o.m {
			m[w] = true
		}
	}
	return Set{m}
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
al-Qaeda|al Qaeda|al-Qaida|al Qaida
al-Shabaab|al Shabaab
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

// table maps the lookup form of every name of a line of a table in the
// form of countryTable to the line's first name.
type table map[string]string

func newTable(t string) table {
	m := table{}
	for _, line := range strings.Split(t, "\n") {
		forms := strings.Split(line, "|")
		for _, f := range forms {
			m[Norm(f)] = forms[0]
		}
	}
	return m
}

var (
	countries = newTable(countryTable)
	orgs      = newTable(orgTable)
)

// Country returns the country a word or phrase (a lookup form: "us",
// "russian", "north korea") names, and whether it names one.
func Country(w string) (string, bool) {
	n, ok := countries[w]
	return n, ok
}

// Organisation returns the international organisation or institution a
// lookup form ("eu", "white house", "reuters") names, and whether it
// names one.
func Organisation(w string) (string, bool) {
	n, ok := orgs[w]
	return n, ok
}

// Norm is the lookup form of a word: lower case, and without the dots of
// an abbreviation ("U.S." is "us"; "3.5" keeps its dot).
func Norm(w string) string {
	if strings.IndexByte(w, '.') >= 0 && !strings.ContainsAny(w, "0123456789") {
		w = strings.ReplaceAll(w, ".", "")
	}
	for i := 0; i < len(w); i++ {
		if c := w[i]; c >= 0x80 || (c >= 'A' && c <= 'Z') {
			return strings.ToLower(w)
		}
	}
	return w
}

var (
	// TitleWords may stand before a name as its title, as in "Secretary of
	// State John Kerry" or "Sen. Jane Doe".
	TitleWords = words(`president vice prime minister secretary state foreign defense defence
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

	// Honorifics are title words that are not a role.
	Honorifics = words(`mr mrs ms miss dr prof sir dame`)

	// AbbrevTitles end with a dot that does not end the name: "Sen. Jane Doe".
	AbbrevTitles = words(`sen gen rep gov adm col lt sgt capt maj mr mrs ms dr prof st jr`)

	// RoleNouns are lower-case words that give a person's role when they
	// stand before the name ("Syrian leader Bashar al-Assad") or head an
	// appositive ("Jane Doe, a spokeswoman for the ministry,").
	RoleNouns = words(`counterpart leader spokesman spokeswoman spokesperson minister president
		official envoy ambassador chief head chairman chairwoman chair director adviser advisor
		secretary commander general senator lawmaker governor mayor premier king queen prince
		judge prosecutor negotiator diplomat analyst correspondent producer reporter editor
		executive founder ceo ruler candidate nominee rival member professor economist
		spokesperson lawyer attorney officer deputy aide owner president-elect chancellor
		foreign-minister`)

	// OrgCues end the name of an organisation: "Foreign Ministry",
	// "Nusra Front", "Acme Inc.".
	OrgCues = words(`ministry council party inc corp corporation co ltd plc bank union commission
		agency organization organisation front committee court parliament congress senate
		department office institute university association federation company fund forces army
		navy police service assembly alliance coalition movement brigade brigades network
		news times post press journal foundation board authority administration
		cabinet government regime guard militia airlines airways bureau food foods dairy
		motors industries industrial holdings securities pharmaceuticals pharma systems
		technologies telecom media capital partners insurance energy petroleum oil gas
		mining steel`)

	// NonNames are capitalised words that never name an actor.
	NonNames = words(`monday tuesday wednesday thursday friday saturday sunday january february
		march april may june july august september october november december i god internet
		web christmas easter ramadan olympics cup war cold world summit g20 g7 g8 photos
		the a an this that these those group tv am pm gmt utc ok ceo`)

	// SentenceStarters are capitalised only because they open a sentence.
	SentenceStarters = words(`in on at after before following but and the a an when while as
		if for with by from during since under over despite although though meanwhile however
		both last this that these those then so yet still also many some several most other
		another each every all any no not now today yesterday earlier later his her their its
		our my your we they he she it i you what who why how where which according asked
		speaking like unlike among amid without within through until once just even only
		more less such here there instead officials negotiators photos differences
		one two three four five six seven eight nine ten eleven twelve twenty hundreds thousands
		dozens millions`)

	// NameParticles join the parts of a name: "Bashar al-Assad",
	// "Ursula von der Leyen".
	NameParticles = words(`al el ad bin ibn abu de da di du del della der den van von la le dos das`)

	// SpeechVerbs report speech: "Obama said", "said a US official".
	SpeechVerbs = words(`said says told added insisted noted stated explained warned acknowledged
		argued wrote tweeted announced asked replied claimed declared urged confirmed denied
		cautioned stressed insists notes adds warns tells testified responded pressed recalled
		conceded admitted remarked observed countered retorted quipped joked shouted yelled
		reiterated repeated maintained emphasized emphasised predicted complained
		posted boasted suggested agreed whispered screamed wrote writes`)
)

// PersonTitles are the title words that mark the name after them as a
// person's: "President Putin", "Sen. Doe".
var PersonTitles = words(`president minister secretary sen senator rep representative gov governor
	mayor king queen prince princess chancellor ambassador adviser advisor judge speaker
	commander admiral gen adm col colonel lt lieutenant sgt sergeant pope cardinal bishop
	archbishop rabbi imam sheikh emir sultan spokesman spokeswoman director chairman
	chairwoman envoy premier leader captain capt maj officer mr mrs ms dr prof chief lady
	actor actress singer coach manager author writer attorney sheriff agent mp mep detective
	inspector constable trooper superintendent miss sir dame lord`)

// PlaceCues end the name of a place that is not a country: "Oakland
// County". Such places are not listed as actors.
var PlaceCues = words(`county city province region district state street avenue square
	island islands river valley mountains lake sea ocean bay airport station`)

// PersonNouns describe a person without naming one: "a spokesman", "the
// official", "a cousin of the victim". A pronoun after such a phrase may
// stand for that person rather than for someone named.
var PersonNouns = words(`cousin brother sister mother father son daughter wife husband widow widower
		uncle aunt nephew niece grandmother grandfather boyfriend girlfriend partner friend
		neighbor neighbour witness resident man woman boy girl student teacher doctor nurse
		suspect victim survivor gunman attacker driver pilot passenger soldier fighter
		worker employee fan player coach manager trainer colleague source relative child
		teenager father-in-law mother-in-law spokesperson official officer agent detective`, RoleNouns)

// StopWords are English function words and words too common in news to
// tell sentences apart.
var StopWords = words(`a about after again against all also am an and any are as at be because
	been before being between both but by can could did do does doing down during each few for
	from further had has have having he her here hers herself him himself his how i if in into
	is it its itself just me more most my myself no nor not now of off on once one only or other
	our ours ourselves out over own said same says say she should so some such than that the
	their theirs them themselves then there these they this those through to too under until up
	us very was we were what when where which while who whom why will with would you your yours
	yourself yourselves told according mr mrs ms may might must de s t it's don't didn't`)

// Gender is the sex a word tells of a person.
type Gender int

// The genders a word can tell.
const (
	Unknown Gender = iota
	Male
	Female
)

// genderTable maps words to the gender they tell.
type genderTable map[string]Gender

func genders(male, female string) genderTable {
	m := genderTable{}
	for _, w := range strings.Fields(male) {
		m[w] = Male
	}
	for _, w := range strings.Fields(female) {
		m[w] = Female
	}
	return m
}

// GenderWord is the gender a title or role word tells ("mr", "queen",
// "spokeswoman", "widow"), or Unknown.
func GenderWord(w string) Gender { return genderWords[w] }

// GivenName is the gender of a common given name ("barack", "angela"),
// or Unknown for a name missing from the short lists, or borne by both.
func GivenName(w string) Gender { return givenNames[w] }

// genderWords give a person's sex when they stand in a title or role:
// "Mr Blair", "the spokeswoman", "her mother".
var genderWords = genders(`mr sir lord king prince duke emperor sultan emir sheikh
		spokesman chairman congressman councilman businessman policeman fireman
		father son brother husband uncle nephew grandfather boyfriend widower
		actor waiter monk pope cardinal bishop archbishop rabbi imam boy man gentleman`,
	`mrs ms miss madam dame lady queen princess duchess empress
		spokeswoman chairwoman congresswoman councilwoman businesswoman policewoman
		mother daughter sister wife aunt niece grandmother girlfriend widow
		actress waitress nun girl woman`)

// givenNames are given names common in English-language news whose
// bearers are nearly always of one sex. The lists are short on purpose:
// a name missing from them leaves the gender unknown, which costs a
// resolved pronoun, never a wrong one.
var givenNames = genders(`aaron abdul abdullah adam adrian ahmed alan albert alexander
		alexei alfred ali andre andrew andy angus anthony antonio arnold arthur barack ben
		benjamin bernard bernie bill billy bob boris brad bradley brendan brian bruce bryan carl
		carlos charles charlie chris christopher chuck clarence colin craig dan daniel danny darren
		dave david dennis derek derrick dick dmitry don donald doug douglas duncan dwight ed eddie
		edward emmanuel eric ernest eugene frank franklin fred frederick gary gavin george gerald
		gordon graham greg gregory harold harry hassan hector henry herbert howard hugh hussein ian
		igor isaac ivan jack jacob jake james jamie jason javier jeb jeff jeffrey jeremy jerry jesse
		jim jimmy joe joel john johnny jon jonathan jorge jose joseph josh joshua juan justin karl
		keith ken kenneth kevin kurt larry lawrence leo leon lewis louis
		luis luke malcolm marco marcus mario mark martin matt matthew michael miguel mike mitch
		mohamed mohammed muhammad nathan neil nicholas nick nigel noah norman oliver omar oscar
		owen pablo patrick paul pedro peter philip phil rafael ralph randy raul ray raymond reza
		richard rick ricky rob robert roberto rodrigo roger ron ronald rory roy rudy
		russell ryan sam samuel scott sean sergei sergey seth simon stanley stephen steve steven
		stuart ted terry theodore thomas tim timothy todd tom tommy tony travis trevor tyler
		vladimir walter warren wayne william willie yuri zachary`,
	`abigail alice alicia alison amanda amber amy andrea angela
		angelina ann anna anne annie april ashley barbara betty beverly brenda brittany carla carol
		caroline carolyn catherine cathy charlotte cheryl christina christine cindy claire claudia
		courtney cynthia dana deborah debra denise diana diane donna doris dorothy elaine eleanor
		elena elizabeth ellen emily emma erica erin eva evelyn fiona frances gloria grace hannah
		heather helen hillary holly irene jacqueline jane janet janice jennifer jenny jessica jill
		joan joanne josephine joyce judith judy julia julie karen kate katherine kathleen kathryn
		kathy katie kelly kimberly kristen laura lauren linda lisa lori louise lucy lynn madeleine
		margaret maria marie marilyn marina marion martha mary megan melania melissa michelle
		monica nancy natalie natalia nicole nina olga pamela patricia paula penelope rachel rebecca
		rita rose ruth sally samantha sandra sarah sharon shirley sophia sophie stephanie sue susan
		suzanne tamara teresa theresa tina tracy valerie vanessa victoria virginia wendy yulia`)

// Connectives open a clause before its subject: "But", "And",
// "However".
var Connectives = words(`but and however also yet so still then meanwhile`)

// AfterSubject may stand between a speaker and the speech verb: "Obama
// later said", "the ministry has said".
var AfterSubject = words(`also later then previously once recently earlier again further
	has have had was were is would will already repeatedly`)

// NotSpeakers open a phrase after a speech verb that names no speaker:
// "…,” said in a statement", "…,” said Friday".
var NotSpeakers = words(`in on at after before during when while with without as from to that this
	monday tuesday wednesday thursday friday saturday sunday today yesterday tonight
	last later earlier recently previously it its`)

// ClauseOpeners open a clause that is not the speech clause of the quotation
// before it: "…,” and Abbott said", "…” when fighting Boko Haram".
var ClauseOpeners = words(`and but or nor while whereas when after before because as if since until
	although though which who whom that where so yet then despite unless whether adding saying`)

// Prepositions put a name in a phrase without making it the speaker:
// "a cousin of Yassine", "police in Grapevine".
var Prepositions = words(`of for to with from in at by on about against among between into
	over under near outside inside within without via per like than`)

// QuotingVerbs introduce the quoted words of the subject inside a clause:
// "Obama called the plan “a disaster”".
var QuotingVerbs = words(`called calls described describes dubbed termed branded labelled labeled
	promised promises vowed vows pledged pledges`)

// SpeakerNouns head a phrase that describes a speaker without naming
// one: "a senior US official", "police", "the ministry".
var SpeakerNouns = words(`official officials spokesman spokeswoman spokesperson spokespeople spokesmen
	source sources aide aides adviser advisers advisor diplomat diplomats minister ministry
	ministers department agency police authorities officer officers prosecutor prosecutors
	lawyer lawyers attorney attorneys statement report analyst analysts expert experts
	witness witnesses resident residents neighbor neighbors neighbour neighbours friend friends
	relative relatives mother father son daughter brother sister wife husband cousin uncle
	aunt widow family families parent parents student students teacher teachers doctor doctors
	member members leader leaders executive executives director chief head president chairman
	chairwoman secretary ambassador envoy commander general governor mayor senator lawmaker
	lawmakers mp mps candidate government administration company firm group bank board council
	committee court judge union party campaign team club coach manager player players fan fans
	worker workers employee employees investigator investigators rescuer rescuers survivor
	survivors victim victims organizers organisers activist activists protester protesters
	critic critics supporter supporters voter voters observer observers owner owners
	manufacturer maker makers regulator regulators economist economists researcher
	researchers scientist scientists professor author dealer dealers trader traders
	co-director cofounder co-founder founder ceo administrators administrator organisers
	letter release communique`)

// Documents speak for whoever issued them: "the statement said".
var Documents = words(`statement statements report letter release communique`)

// IssueVerbs put out a document: "the European Union released a
// statement".
var IssueVerbs = words(`issued released published posted sent put made signed wrote`)

// DescriptionStops end a speaker's description: what follows says how or
// when the speaker spoke, not who.
var DescriptionStops = words(`on because who whom which when while after before as during
	released speaking told said says adding according that via condition`)

// Generic nouns describe a speaker too vaguely to stand alone: "a woman".
var Generic = words(`man woman men women person people someone boy girl`)

// PhotoCredits are agencies whose names appear in photo and wire credits:
// never a speaker or an actor of the story.
var PhotoCredits = words(`getty gettyimages afp ap reuters epa shutterstock alamy pa`)

// BackReferences open a sentence that cannot be understood alone and cannot be
// repaired by naming a person; first-person words are a speaker's, whom
// the bullet would not name.
var BackReferences = words(`it its their them these those such there's latter
	we i you our my us`)

// Demonstratives point back to what came before when they open a
// sentence ("This is…", "That image…"), unless a Calendar word follows
// "this" ("This week’s talks…").
var Demonstratives = words(`this that these those`)

// Contractions are words whose "'s" is "is" or "has", not a possessive:
// "It's", "That's", "He's".
var Contractions = words(`it that this there here what who he she where how`)

// PersonalPronouns stand for a speaker without naming one.
var PersonalPronouns = words(`he she they it we i you`)

// GroupPronouns end a phrase such as "many of them" that points back to
// people named before.
var GroupPronouns = words(`them those these us whom`)

// Calendar words follow "this" in a phrase that dates rather than points
// back: "This week's talks", "This Sunday". "Time" is not one: "This
// time" sets an occasion against an earlier one. Nor are "May" and
// "March", which read as a verb or a noun as well.
var Calendar = words(`week weeks weekend month months year years morning afternoon evening
	night day season summer winter spring autumn fall decade century term session round
	monday tuesday wednesday thursday friday saturday sunday january february april june
	july august september october november december`)

// Locatives put a place after them: "the senator from Texas".
var Locatives = words(`from in at near outside across into inside throughout`)

// RoleModifiers are lower-case words that belong to a role before a
// name: "White House press secretary", "deputy foreign minister".
var RoleModifiers = words(`press deputy vice senior chief foreign national security defense defence
	former acting top assistant executive managing general special principal political economic
	military legal medical communications campaign policy interim associate regional district
	state federal finance trade health education interior justice labor labour prime first
	head lead founding co-founder`)

// Determiners open a description of someone: "a spokesman", "one
// dealer", "the official".
var Determiners = words(`a an the one another some`)

// ReactionWords make a sentence a reaction to what happened, which
// belongs elsewhere than in the outlook even when it says "will" ("X
// condemned the attack, saying those responsible will be punished"),
// unless a plan or a date makes it one (strongCue).
var ReactionWords = words(`condemned condemn condemns denounced denounce slammed criticized
	criticised praised welcomed mourned lamented deplored decried blasted`)
