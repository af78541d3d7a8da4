package scenario

import "github.com/salesim/salesim/sim/dist"

// The types in this file are the TOML form of a scenario. Their struct tags
// are the definition of the format:
//
//	toml     the key
//	doc      meaning and units, for the schema and the reference
//	default  the value used when the key is absent, written as in TOML
//	defdoc   the default described in words, when it depends on other
//	         keys or is "none"
//	keyname  what the keys of a named table are ("role"), for the reference
//	range    allowed numeric range: "[0,1]", "(0,1]", "[0,)", "(0,)"
//	req      "true": the key must be given
//	unit     distributions: "time" (values need time units) or "amount"
//	enum     the allowed strings, separated by "|"
//	len      the exact length of an array
//
// Durations, rates, fractions and amounts are held in the units of
// org.Config (hours, per hour, fractions) once decoded.

// Document is a whole scenario file.
type Document struct {
	Name        string          `toml:"name" defdoc:"the file name without .toml" doc:"scenario name shown in reports"`
	Description string          `toml:"description" doc:"free text; the first line is the one-line summary shown by salesim scenarios"`
	Include     []string        `toml:"include" doc:"files merged under this one before it, paths relative to this file; later files override earlier ones and this file overrides them all (tables merge by key, arrays are replaced whole)"`
	Run         Run             `toml:"run" doc:"experiment settings; command-line flags override them"`
	Market      Market          `toml:"market" doc:"the companies leads come from"`
	Inbound     Named[Inbound]  `toml:"inbound" keyname:"stream" doc:"streams of inbound requests (web forms, calls), by name"`
	Database    Named[Database] `toml:"database" keyname:"database" doc:"raw contact bases for outbound calling, by name"`
	Activities  Named[Activity] `toml:"activities" keyname:"activity" doc:"kinds of work (calls, meetings, documents), by name"`
	Stages      []Stage         `toml:"stages" doc:"the funnel: what happens to a lead, in order"`
	Segments    []Segment       `toml:"segments" doc:"kinds of lead with a stage sequence of their own, by company size and/or source; a lead belongs to the first segment it matches, decided when it arrives, and keeps it as a client"`
	Clients     Clients         `toml:"clients" doc:"the life of a won lead"`
	Roles       Named[Role]     `toml:"roles" keyname:"role" doc:"jobs in the department, by name; at least one"`
	Teams       Named[Team]     `toml:"teams" keyname:"team" doc:"people of several roles working as one team (pods), by name: handoffs between its roles stay within the team or go to the receiving role as a whole"`
	Handoffs    []Handoff       `toml:"handoffs" doc:"rules that move an account from one role to another"`
	Initial     []Initial       `toml:"initial" doc:"the book of business at time 0: existing clients and leads per person of a role"`
	Reorg       []Reorg         `toml:"reorg" doc:"changes of design at given times, in time order"`
	Target      *Target         `toml:"target" defdoc:"none" doc:"a growth goal to test"`
	Variants    Named[Document] `toml:"variants" keyname:"variant" doc:"named variants: partial documents deep-merged over this one, selected as FILE#name; they may not contain include or variants"`
	Set         []string        `toml:"set" doc:"in a variant only: overrides in the form -set takes (\"stages[1].recall=conversation\"), applied in order after the variant is merged, for a change a partial document cannot make without restating a whole array"`
	Unset       []string        `toml:"unset" doc:"in a variant only: keys removed from the design before set is applied, so that their defaults hold (\"roles.student.pause\": no pause)"`
}

// Run holds the experiment settings.
type Run struct {
	Horizon      Duration `toml:"horizon" default:"1y" range:"(0,)" doc:"time simulated after the warm-up; statistics cover this span"`
	Warmup       Duration `toml:"warmup" default:"0h" range:"[0,)" doc:"time simulated before statistics start"`
	Replications int      `toml:"replications" default:"30" range:"[1,)" doc:"Monte Carlo replications"`
	Seed         int64    `toml:"seed" default:"1" range:"[0,)" doc:"master seed of the random streams"`
}

// Market describes the companies leads come from.
type Market struct {
	Size           dist.Dist  `toml:"size" unit:"amount" defdoc:"required when leads can be won or clients exist" doc:"a company's potential margin per month, drawn once per company: heavy-tailed, e.g. lognormal(mean=60k, top20=0.67) (research/domain.md D1)"`
	MarginRate     Fraction   `toml:"margin_rate" default:"100%" range:"(0,1]" doc:"margin as a share of revenue (revenue = margin / margin_rate)"`
	DecisionMakers dist.Dist  `toml:"decision_makers" unit:"amount" defdoc:"1" doc:"decision makers per company whose calls a norm per decision maker counts, drawn once per company and rounded, at most five counted (seed 002), e.g. \"uniform(1, 5)\""`
	Need           []NeedTier `toml:"need" defdoc:"none: clients are never neglected" doc:"how often a client must be contacted, by size: the tier with the largest min_size at most the client's size applies; a client contacted less often is neglected"`
	Currency       string     `toml:"currency" default:"" doc:"the currency of money amounts, as the report and the figures show it after amounts and in labels: a code or a sign such as \"RUB\", \"₽\" or \"EUR\"; presentation only, the model does not use it"`
}

// NeedTier is a contact need for clients of at least MinSize.
type NeedTier struct {
	MinSize Money    `toml:"min_size" default:"0" range:"[0,)" doc:"smallest client size (monthly margin) the tier applies to"`
	Every   Duration `toml:"every" req:"true" range:"(0,)" doc:"time between the contacts such a client needs"`
}

// Inbound is a stream of requests arriving on their own.
type Inbound struct {
	Rate    Rate         `toml:"rate" req:"true" range:"[0,)" doc:"mean arrivals per unit of calendar time (\"2/day\" = 14 a week), arriving only while open: the rate per open hour is scaled up so that the weekly count stays the same"`
	Growth  Fraction     `toml:"growth" default:"0%" range:"(-1,)" doc:"relative growth of the rate per year (\"10%\" = +10 %/yr), compounded continuously"`
	Open    Calendar     `toml:"open" default:"24/7" doc:"when requests arrive (calendar text)"`
	Weekday []float64    `toml:"weekday" len:"7" range:"[0,)" defdoc:"all 1" doc:"rate multipliers by day, Monday first"`
	Month   []float64    `toml:"month" len:"12" range:"[0,)" defdoc:"all 1" doc:"rate multipliers by month, January first (the run starts on 1 January)"`
	Stage   string       `toml:"stage" defdoc:"the first stage" doc:"the funnel stage a request enters at"`
	Role    string       `toml:"role" defdoc:"the first role that performs the stage's activity" doc:"the role that receives the requests; while it has nobody (after a reorganisation, say) the first role with people that performs the stage's activity receives them"`
	Budget  Money        `toml:"budget" default:"0" range:"[0,)" doc:"the stream's marketing cost per month from the start, accrued by the hour while in force: reported as cost_marketing of the receiving role and counted in cost and profit (none during the warm-up, as no cost is)"`
	Changes []RateChange `toml:"changes" doc:"dated demand: changes of the stream's rate and budget at given times, in time order (a change that comes with a reorganisation is given there: reorg[].inbound). A stream that starts later has rate \"0/day\" and a change that starts it; one that stops changes to rate 0. Changes act by superposition, so that they move no request before them and designs with different changes share the requests they have in common: the requests of the configured rate keep their times; where a change lowers the rate each of them is kept with probability new/configured (a draw keyed by the request), where it raises it an extra stream adds the difference"`
}

// RateChange changes an inbound stream's rate and budget from a time on.
type RateChange struct {
	At     Duration `toml:"at" req:"true" range:"(0,)" doc:"when, from the start of the run (warm-up included)"`
	Rate   Rate     `toml:"rate" req:"true" range:"[0,)" doc:"the stream's rate from then, as inbound.<stream>.rate (per calendar time, arriving while it is open); growth still compounds from the start of the run"`
	Budget Money    `toml:"budget" default:"0" range:"[0,)" doc:"marketing cost per month from then; 0 stops the spending"`
}

// StreamChange changes an inbound stream's rate and budget with a
// reorganisation.
type StreamChange struct {
	Rate   Rate  `toml:"rate" req:"true" range:"[0,)" doc:"the stream's rate from the reorganisation on, as inbound.<stream>.rate (0 stops it)"`
	Budget Money `toml:"budget" default:"0" range:"[0,)" doc:"its marketing cost per month from then; 0 stops the spending"`
}

// Database is a list of raw contacts worked by outbound calling.
type Database struct {
	Contacts    int      `toml:"contacts" req:"true" range:"[0,)" doc:"number of contacts"`
	Cooloff     Duration `toml:"cooloff" default:"180d" range:"[0,)" doc:"time before a contact that did not convert may be called again (RevSim's cooling-off, research/domain.md F)"`
	MaxAttempts int      `toml:"max_attempts" default:"0" range:"[0,)" doc:"calls after which a contact is exhausted; 0: never"`
	Stage       string   `toml:"stage" defdoc:"the first stage" doc:"the funnel stage a call works"`
}

// Activity is a kind of work.
type Activity struct {
	Duration    dist.Dist `toml:"duration" req:"true" unit:"time" doc:"time the work takes a fully ramped, rested person of speed 1 (distribution)"`
	Kind        string    `toml:"kind" defdoc:"the activity's name" doc:"switching-cost group: changing from one kind to another costs the role's setup time"`
	Priority    int       `toml:"priority" default:"100" doc:"order of waiting work: lower is taken first"`
	Interrupts  bool      `toml:"interrupts" default:"false" doc:"the work preempts lower-priority work in progress (a ringing call), which resumes afterwards with the work left; interrupting work is itself preempted by interrupting work of higher priority"`
	Fatigue     bool      `toml:"fatigue" default:"false" doc:"speed and conversion of the work decline with time on shift (phone work); see roles.<role>.fatigue"`
	Patience    dist.Dist `toml:"patience" unit:"time" defdoc:"forever" doc:"how long a task may wait before it is lost: a lead goes cold, an order is lost (distribution); const(0h) makes a loss system: work that finds nobody free is lost at once"`
	ServiceTime Duration  `toml:"service_time" default:"0h" range:"[0,)" doc:"the wait within which the work should start: the metric service_level.<activity> is the share of its tasks started within it, of those started or abandoned (80% within 20s is the call-centre convention; research/domain.md G); 0h: no service level"`

	SizeElasticity float64 `toml:"size_elasticity" default:"0" range:"[0,1]" doc:"the work takes longer for a bigger company: its duration is multiplied by (size / size_reference)^size_elasticity for the size of the company it is for, when the work starts; 0: the same time for every company (seed 004: \"big and small clients get the same service time\"), 1: time in proportion to size. Calls to database contacts are not scaled"`
	SizeReference  Money   `toml:"size_reference" range:"[0,)" defdoc:"the market's mean company size" doc:"the company size at which the work takes duration"`
	Join           *Join   `toml:"join" defdoc:"none" doc:"joint work: a person of another role joins the work when it starts (the head of department joins the close, seed 002 block 3)"`
}

// Join is a second role joining an activity's work.
type Join struct {
	Role    string   `toml:"role" req:"true" doc:"the joining role: when someone of another role starts the work, the first person of this role who is free (on shift, not busy) joins for the whole of it, and both people's time is taken; when nobody is free the work goes ahead alone at the base conversion (counted as join_missed). Its people need not do the activity themselves"`
	Convert Fraction `toml:"convert" default:"0%" range:"(-1,)" doc:"rise in conversion of work joined: \"30%\" multiplies it by 1.3. No source gives a number (seed 002 says only that the head raises the close rate): 0%, the join costing time only, unless you have one"`
	For     []string `toml:"for" defdoc:"every role that does the activity" doc:"the roles whose work is joined: [\"hunter\"] has the head join the hunters' closes and not the farmers'"`
}

// Stage is one step of the funnel.
type Stage struct {
	Name     string       `toml:"name" req:"true" doc:"the stage's name, unique; \"won\" is reserved"`
	Activity string       `toml:"activity" req:"true" doc:"the activity that works the stage"`
	Convert  Fraction     `toml:"convert" default:"100%" range:"[0,1]" doc:"probability that the stage succeeds for a lead worked at once by a person of skill 1, fully ramped and rested"`
	Next     string       `toml:"next" defdoc:"the next stage in the list, \"won\" after the last" doc:"the stage a success leads to, or \"won\": the lead places its first order and becomes a client"`
	Delay    dist.Dist    `toml:"delay" unit:"time" defdoc:"none" doc:"time between the previous stage's success and this stage's work becoming available, e.g. a meeting booked for next week (distribution)"`
	Decay    []DecayPoint `toml:"decay" defdoc:"no decay" doc:"conversion multiplier by the time the lead waited for this stage's work, as [wait, multiplier] pairs with increasing waits, linear between them and constant beyond (speed to lead: research/domain.md C4, C5)"`
	Nurture  Fraction     `toml:"nurture" default:"0%" range:"[0,1]" doc:"share of failures that are nurtured (re-contacted at their need date) rather than lost"`
	NeedIn   dist.Dist    `toml:"need_in" unit:"time" defdoc:"required when nurture > 0" doc:"time until a nurtured lead's need date (distribution)"`
	Recall   string       `toml:"recall" defdoc:"this stage" doc:"the stage at which a nurtured lead is re-contacted"`
}

// Segment is a kind of lead with a stage sequence of its own.
type Segment struct {
	Name    string        `toml:"name" req:"true" doc:"the segment's name, unique: handoffs refer to it, and metric names carry it (segment_won.<segment>)"`
	MinSize Money         `toml:"min_size" default:"0" range:"[0,)" doc:"only companies of at least this size (monthly potential margin); 0: no bound"`
	MaxSize Money         `toml:"max_size" default:"0" range:"[0,)" doc:"only companies below this size; 0: no bound"`
	Sources []string      `toml:"sources" defdoc:"any source, the book at time 0 included" doc:"only leads from these inbound streams and databases, by name"`
	Next    Named[string] `toml:"next" keyname:"stage" defdoc:"each stage's own next" doc:"where success at a stage leads the segment's leads: a stage, or \"won\"; stages not listed lead where their next says. An enterprise segment's extra stages are ordinary stages only its leads reach, e.g. next = { meeting = \"discovery\", proposal = \"legal\" }"`
	From    Duration      `toml:"from" default:"0h" range:"[0,)" doc:"time from the start of the run (warm-up included) from which new leads join the segment, e.g. the time of the reorganisation that introduces it; leads that arrived before, and the book at time 0 unless from is 0h, are in no segment"`
}

// Clients describes the life of a won lead.
type Clients struct {
	FirstOrder     Fraction `toml:"first_order" default:"100%" range:"[0,)" doc:"margin of the first order as a share of the client's monthly size"`
	StartLevel     Fraction `toml:"start_level" default:"100%" range:"[0,)" doc:"a new client's monthly volume as a share of its size"`
	Plan           Fraction `toml:"plan" default:"100%" range:"(0,)" doc:"the share of its size at which a client counts as developed to its planned volume"`
	OrdersPerMonth float64  `toml:"orders_per_month" default:"1" range:"[0,)" doc:"repeat orders per month of a client served as it needs; each carries size·level/orders_per_month of margin"`
	Order          string   `toml:"order" default:"" doc:"the activity that handles an order; \"\": none, the margin is booked at once"`
	SaleWork       []string `toml:"sale_work" doc:"activities each won deal creates for the person who closed it (contract, invoice); a string or an array of strings"`
	Care           string   `toml:"care" default:"" doc:"the activity of a proactive contact with a client; \"\": none"`
	DevelopStep    Fraction `toml:"develop_step" default:"0%" range:"[0,)" doc:"rise of a client's level (share of size) after a successful proactive contact below plan"`
	DevelopProb    Fraction `toml:"develop_prob" default:"0%" range:"[0,1]" doc:"probability that a proactive contact below plan develops the client"`
	ClaimsPerMonth float64  `toml:"claims_per_month" default:"0" range:"[0,)" doc:"claims per month per client"`
	Claim          string   `toml:"claim" default:"" doc:"the activity that handles a claim; \"\": none"`
	Churn          Fraction `toml:"churn" default:"0%" range:"[0,1)" doc:"share of clients lost in a year at the base rate, served as they need (18% is research/domain.md G, D4); the hazard is −ln(1 − churn) per year"`
	NeglectChurn   float64  `toml:"neglect_churn" default:"1" range:"[0,)" doc:"multiplier of the churn hazard while a client is neglected (overdue for contact)"`
	NeglectOrders  float64  `toml:"neglect_orders" default:"1" range:"[0,)" doc:"multiplier of the order rate while a client is neglected"`
	LostOrderChurn Fraction `toml:"lost_order_churn" default:"0%" range:"[0,1]" doc:"probability that a client whose order waited past its patience leaves"`
	Chores         []Chore  `toml:"chores" doc:"non-sales work clients create (seed 004, stage 1: shipment follow-up, claims, \"runs to the warehouse\"), so that a full-cycle manager has real streams of work to switch between"`
}

// Chore is non-sales work clients create.
type Chore struct {
	Activity string  `toml:"activity" req:"true" doc:"the activity of the chore; a chore goes to the client's owner if the owner's role does it (the owner's own queue when the role keeps personal queues), else to the owner's fixed partner or the first role that does it. A chore has no effect when done: its time is its cost"`
	PerOrder float64 `toml:"per_order" default:"0" range:"[0,)" doc:"chores each order creates, the first order included; a fraction is the chance of one more (0.3: a chore for 30% of orders)"`
	PerMonth float64 `toml:"per_month" default:"0" range:"[0,)" doc:"chores per client per month, arriving at random (a Poisson process) while it is a client"`
}

// Role is a job in the department.
type Role struct {
	Headcount      int            `toml:"headcount" default:"1" range:"[0,)" doc:"people in the role at time 0"`
	New            int            `toml:"new" default:"0" range:"[0,)" doc:"how many of the initial headcount are new hires, ramping up; the others are fully ramped"`
	Calendar       Calendar       `toml:"calendar" default:"Mon-Fri 09:00-18:00" doc:"working time (calendar text); use shifts instead for shift groups"`
	Shifts         []Calendar     `toml:"shifts" doc:"calendars of shift groups: person i works shift i mod n; replaces calendar"`
	Breaks         []Break        `toml:"breaks" doc:"time off within the calendar, e.g. \"Mon-Fri 13:00-14:00\"; a span without days applies on every day; applies to every shift"`
	Blocks         []Block        `toml:"blocks" doc:"fixed blocks of the working week: internal time (meetings, training) or batches of given activities; laid over calendar and breaks"`
	Does           []string       `toml:"does" doc:"the activities people of the role perform; at least one when the role is staffed"`
	Speed          Named[float64] `toml:"speed" keyname:"activity" range:"(0,)" defdoc:"1" doc:"speed per activity (a duration is divided by it)"`
	Skill          Named[float64] `toml:"skill" keyname:"activity" range:"[0,)" defdoc:"1" doc:"conversion multiplier per activity"`
	Pull           []string       `toml:"pull" doc:"databases the role calls when nothing waits, in order"`
	Setup          Duration       `toml:"setup" default:"0h" range:"[0,)" doc:"time lost changing from one kind of activity to another (research/domain.md G: 10 min); a setup cut short by an interruption is lost, and resuming the interrupted work after work of another kind costs the setup again"`
	SetupPairs     []SetupPair    `toml:"setup_pairs" doc:"switching costs for given pairs of kinds, overriding setup"`
	Fatigue        Fatigue        `toml:"fatigue" doc:"decline of fatigue-prone work with hours on shift"`
	Absence        []Absence      `toml:"absence" doc:"kinds of leave"`
	Ramp           []Fraction     `toml:"ramp" range:"(0,1]" defdoc:"fully productive at once" doc:"a new hire's productivity by month of tenure, the last value holding after (RevSim: 35%, 65%, 100%)"`
	RampApplies    string         `toml:"ramp_applies" default:"convert" enum:"speed|convert|both" doc:"what ramp multiplies: convert (a new hire's output is the ramp's share of a ramped colleague's, as the published ramps are), speed (output falls only while the person is fully busy), or both (output falls as the square of the ramp)"`
	Attrition      Fraction       `toml:"attrition" default:"0%" range:"[0,1)" doc:"share of people leaving in a year (25% is research/domain.md G, C14); the hazard is −ln(1 − attrition) per year"`
	Refill         dist.Dist      `toml:"refill" unit:"time" default:"exp(mean=30d)" doc:"delay before a leaver is replaced by a new hire (research/domain.md G: 30 d)"`
	LeaveLoss      Fraction       `toml:"leave_loss" default:"0%" range:"[0,1]" doc:"probability that each client of a leaver leaves too (research/domain.md D8: 10%)"`
	Assign         string         `toml:"assign" default:"least_loaded" enum:"finder|least_loaded|round_robin|pool" doc:"who takes over an account: the person who found it, the one with fewest accounts, in turn, or nobody (a shared pool)"`
	Personal       bool           `toml:"personal" default:"true" doc:"tasks for an account go to its person (true) or to the role's shared queue (false)"`
	Cover          bool           `toml:"cover" default:"true" doc:"colleagues take the personal tasks of an absent person"`
	Pick           string         `toml:"pick" default:"first" enum:"first|longest_idle" doc:"which of several idle people takes work any of them could (the pool's tasks, an absent colleague's, the queue when a shift starts): first, the first by post, an ordered hunt that piles work on the first posts while the role is not fully busy; or longest_idle, the one idle longest since their last work or hire, sharing work out evenly (per-person results depend on it, role totals much less)"`
	PairWith       string         `toml:"pair_with" default:"" doc:"a role whose person i is this role's person i's fixed partner (manager and assistant); \"\": none"`
	PortfolioLimit int            `toml:"portfolio_limit" default:"0" range:"[0,)" doc:"most accounts a person owns; at the cap the person stops prospecting; 0: no limit"`
	CareEvery      Every          `toml:"care_every" default:"need" doc:"how often the role contacts each client it owns: a duration, or \"need\": as each client needs (market.need)"`
	Pause          *Pause         `toml:"pause" defdoc:"none" doc:"back-pressure: stop pulled work while another role is overloaded"`
	FatCat         *FatCat        `toml:"fat_cat" defdoc:"none" doc:"the fat-cat rule: prospecting falls as portfolio income nears a target (research/domain.md E4)"`
	Norms          []Norm         `toml:"norms" doc:"counts of work each person should reach per week or month (seed 002's weekly norms): results report the attainment and the share of person-periods meeting each norm, per role and per person"`
	Quota          *Quota         `toml:"quota" defdoc:"none" doc:"a monthly margin each person should bring from the clients they own (research/domain.md C13), with an accelerator on the commission above it (E4)"`
	Escalate       *Escalate      `toml:"escalate" defdoc:"none" doc:"escalation: a lead the role passed on whose work waits longer than after in the receiving role's queue is escalated (taken before any other waiting work there) and counted (seed 001)"`
	Pay            Pay            `toml:"pay" doc:"what a person costs"`
}

// Team groups people of several roles who work together.
type Team struct {
	Members Named[int] `toml:"members" keyname:"role" req:"true" range:"[1,)" doc:"the team's roles (at least two) and how many people of each one team has, e.g. { sdr = 1, ae = 2, csm = 1 }: post j of a role (its j-th person, in the role's order; new posts are added at the end) is in team j / n"`
	Route   string     `toml:"route" default:"team" enum:"team|pool" doc:"team: a handoff between the team's roles goes to the sender's team mate of the receiving role (the one with the fewest accounts), work one role does for another to the team mate who does it, a leaver's accounts to a team mate of the same role; pool: to the receiving role as a whole, by its assignment. A handoff's route overrides it. A team with nobody of the receiving role hands to the role as a whole"`
}

// Block is a fixed block of the working week.
type Block struct {
	Days     Days     `toml:"days" defdoc:"every working day of the calendar" doc:"days of the block, e.g. \"Mon\" or \"Tue-Fri\""`
	Time     Times    `toml:"time" req:"true" doc:"time span(s), e.g. \"09:00-09:20\""`
	Name     string   `toml:"name" doc:"name shown in reports"`
	Internal bool     `toml:"internal" default:"false" doc:"internal time (meetings, training, planning): no sales work"`
	Only     []string `toml:"only" doc:"batch mode: the activities of the block; mode says whether other work may be done in it"`
	Mode     string   `toml:"mode" default:"strict" enum:"strict|preferred" doc:"a batch block's rule: strict, only its activities are done in it (other work waits for the block's end, and a person with none of its work waiting idles); preferred, its activities first (their waiting work by priority, then its pulled calls) and other work only when none of its own waits, so that time planned for meetings nobody booked goes to the documents and calls that wait instead of being lost. Interrupting activities are taken in any block"`
	Speed    Fraction `toml:"speed" default:"0%" range:"(-1,)" doc:"gain in speed of the block's activities started in the block: \"10%\" makes them take 1/1.1 of their time. Batching imposed from outside helps (research/domain.md A8: within-day specialisation beats variety; A9), but no source gives a size for sales work: 0% unless you have one"`
	Convert  Fraction `toml:"convert" default:"0%" range:"(-1,)" doc:"gain in conversion of the block's stage work and calls started in the block: \"10%\" multiplies it by 1.1 (seed 002: cold calls made in a block give more meetings than calls spread through a mixed day; no source gives a size: 0% unless you have one)"`
}

// SetupPair is a switching cost between two kinds, in either direction.
type SetupPair struct {
	A    string   `toml:"a" req:"true" doc:"an activity kind"`
	B    string   `toml:"b" req:"true" doc:"another activity kind"`
	Time Duration `toml:"time" req:"true" range:"[0,)" doc:"time lost changing between them"`
}

// Fatigue is the decline of fatigue-prone work with hours on shift.
type Fatigue struct {
	Speed         Fraction `toml:"speed" keyname:"activity" default:"0%" range:"[0,1]" doc:"relative fall of speed per hour on shift"`
	Convert       Fraction `toml:"convert" default:"0%" range:"[0,1]" doc:"relative fall of conversion per hour on shift (research/domain.md G, B2: 1.5%)"`
	Floor         Fraction `toml:"floor" default:"50%" range:"(0,1]" doc:"the multipliers fall no lower than this"`
	BreakRecovery Fraction `toml:"break_recovery" default:"100%" range:"[0,1]" doc:"share of the accumulated fatigue a break removes"`
}

// Absence is a kind of leave.
type Absence struct {
	Name   string    `toml:"name" doc:"name shown in reports"`
	Rate   float64   `toml:"rate" req:"true" range:"[0,)" doc:"spells per person per year"`
	Length dist.Dist `toml:"length" req:"true" unit:"time" doc:"calendar time a spell lasts (distribution)"`
}

// Pause is back-pressure from another role.
type Pause struct {
	Watch      string   `toml:"watch" req:"true" doc:"the role whose waiting tasks are watched"`
	Above      int      `toml:"above" req:"true" range:"[1,)" doc:"pulled work stops when the watched role has more tasks waiting than this"`
	Below      int      `toml:"below" default:"0" range:"[0,)" doc:"and restarts when it has at most this many; below above"`
	Activities []string `toml:"activities" defdoc:"all" doc:"count only waiting tasks of these activities (the sellers' orders, seed 003)"`
}

// FatCat is the fat-cat rule.
type FatCat struct {
	Target  Money    `toml:"target" req:"true" range:"(0,)" doc:"monthly commission from the person's own clients at which prospecting stops"`
	Floor   Fraction `toml:"floor" default:"0%" range:"[0,1]" doc:"the least prospecting effort"`
	Shape   float64  `toml:"shape" default:"1" range:"(0,)" doc:"effort is max(floor, 1 - (income/target)^shape)"`
	Slack   Duration `toml:"slack" default:"1h" range:"(0,)" doc:"time a person short of effort idles instead of prospecting"`
	Inbound bool     `toml:"inbound" default:"false" doc:"the rule also lowers the follow-up of new inbound leads: a person follows one up with probability effort, the others are never worked (leads_ignored; the lead black hole of research/domain.md C6)"`
}

// Norm is a count of work each person of a role should reach per period.
type Norm struct {
	Name             string   `toml:"name" defdoc:"the activity's name" doc:"the norm's name in metric names: norm_met.<name>, norm_attainment.<name>, norm_reached.<name>"`
	Activity         string   `toml:"activity" req:"true" doc:"the activity whose completed tasks count"`
	Count            float64  `toml:"count" req:"true" range:"(0,)" doc:"tasks per person and period, for a person present the whole period (pro-rated to the hours present)"`
	Per              Duration `toml:"per" default:"1w" doc:"the period: 1w or 1mo"`
	PerDecisionMaker bool     `toml:"per_decision_maker" default:"false" doc:"a task for a company counts at most once a day per decision maker of the company, at most five (market.decision_makers; seed 002)"`
}

// Quota is a monthly margin target per person of a role.
type Quota struct {
	Margin      Money    `toml:"margin" req:"true" range:"(0,)" doc:"margin per person and month from the clients the person owns"`
	Accelerator float64  `toml:"accelerator" default:"1" range:"[0,)" doc:"multiplier of the commission on a person's margin above the quota within a month (1: none); research/domain.md E4"`
	Drop        Fraction `toml:"drop" default:"0%" range:"[0,1]" doc:"share of their prospecting a person drops once the month's quota is met, unless the accelerator is above 1 (E4, Chung et al. 2014: overachievement commissions keep reps working); no published figure, 0% by default"`
}

// Escalate is the escalation rule of a role that passes leads on.
type Escalate struct {
	After Duration `toml:"after" req:"true" range:"(0,)" doc:"how long a passed lead's work may wait in the receiving role's queue before it is escalated"`
}

// Pay is what a person of a role costs.
type Pay struct {
	Salary           Money        `toml:"salary" default:"0" range:"[0,)" doc:"per month employed"`
	Hourly           Money        `toml:"hourly" default:"0" range:"[0,)" doc:"per scheduled hour present"`
	Commission       Fraction     `toml:"commission" default:"0%" range:"[0,1]" doc:"share of the margin of the clients the person owns (research/domain.md C15: 8-12%)"`
	SourceCommission Fraction     `toml:"source_commission" default:"0%" range:"[0,1]" doc:"share of the margin of clients the person found and passed on"`
	SourceMonths     float64      `toml:"source_months" default:"0" range:"[0,)" doc:"months after a passed client's first order during which source_commission is paid"`
	PerHandover      Money        `toml:"per_handover" default:"0" range:"[0,)" doc:"bonus per client handed over to another role"`
	PerPassed        Money        `toml:"per_passed" default:"0" range:"[0,)" doc:"bonus per lead passed to another role"`
	PerFirstOrder    Money        `toml:"per_first_order" default:"0" range:"[0,)" doc:"bonus per deal won"`
	PerTask          Named[Money] `toml:"per_task" keyname:"activity" range:"[0,)" doc:"piece rates: pay per completed task of an activity, e.g. { cold_call = 20, meeting = 500 }"`
	PieceSpeedup     float64      `toml:"piece_speedup" default:"1" range:"[0,)" doc:"speed multiplier of work paid by the piece (1: none; Lazear 2000, the Safelite installers: about 1.22 from incentives alone)"`
	PerSourcedOrder  Money        `toml:"per_sourced_order" default:"0" range:"[0,)" doc:"bonus per repeat order of a client the person found and passed on, within source_months"`
}

// Handoff moves an account from one role to another. Exactly one of the
// at_stage, at_won, after_deals, at_plan and at_volume triggers is given.
type Handoff struct {
	From       string    `toml:"from" defdoc:"any role other than to" doc:"the role giving the account"`
	To         string    `toml:"to" req:"true" doc:"the role receiving it"`
	AtStage    string    `toml:"at_stage" doc:"trigger: a lead reaches this stage"`
	AtWon      bool      `toml:"at_won" doc:"trigger: a lead becomes a client (first order)"`
	AfterDeals int       `toml:"after_deals" range:"[1,)" doc:"trigger: a client has placed this many orders"`
	AtPlan     bool      `toml:"at_plan" doc:"trigger: a client's volume reaches the plan"`
	AtVolume   Money     `toml:"at_volume" range:"(0,)" doc:"trigger: a client's monthly margin reaches this"`
	Delay      dist.Dist `toml:"delay" unit:"time" defdoc:"none" doc:"time the handover takes (distribution)"`
	InfoLoss   Fraction  `toml:"info_loss" default:"0%" range:"[0,1]" doc:"what the receiver does not learn: a lead's next stage converts (1 - info_loss) as often, a client's volume falls by it"`
	MinSize    Money     `toml:"min_size" default:"0" range:"[0,)" doc:"only companies of at least this size; 0: no bound"`
	MaxSize    Money     `toml:"max_size" default:"0" range:"[0,)" doc:"only companies below this size; 0: no bound"`
	Segment    string    `toml:"segment" defdoc:"any" doc:"only leads and clients of this segment (segments), beside min_size and max_size"`
	Route      string    `toml:"route" enum:"team|pool" defdoc:"the sender's team's route" doc:"between two roles of a team: team gives the account to the sender's team mate of the receiving role, pool to whom the receiving role's assignment picks"`
}

// Initial is an existing book of business at time 0.
type Initial struct {
	Role    string   `toml:"role" req:"true" doc:"the role whose people own it"`
	Clients int      `toml:"clients" default:"0" range:"[0,)" doc:"clients per person"`
	Level   Fraction `toml:"level" range:"[0,)" defdoc:"clients.start_level" doc:"their monthly volume as a share of size (0: clients.start_level)"`
	Leads   int      `toml:"leads" default:"0" range:"[0,)" doc:"leads per person waiting at stage"`
	Stage   string   `toml:"stage" defdoc:"the first stage" doc:"the stage the leads wait at"`
}

// Reorg changes the design at a time.
type Reorg struct {
	At         Duration            `toml:"at" req:"true" range:"(0,)" doc:"time of the change from the start of the run (warm-up included)"`
	Headcount  Named[int]          `toml:"headcount" keyname:"role" range:"[0,)" doc:"new headcount per role; roles not listed keep theirs. People are hired (ramping) or let go (most recent hires first) to match"`
	Moves      []Move              `toml:"moves" doc:"people who change role, with their clients and tenure, before headcounts are matched"`
	Leave      Fraction            `toml:"leave" default:"0%" range:"[0,1]" doc:"share of people who leave at the change (MODEL.md §1: 50% of veterans)"`
	LeaveRoles []string            `toml:"leave_roles" defdoc:"all" doc:"the roles leave applies to"`
	LeaveLoss  Fraction            `toml:"leave_loss" default:"0%" range:"[0,1]" doc:"probability that each client of a leaver leaves too; the others go to colleagues"`
	Transfer   []Transfer          `toml:"transfer" doc:"hand every account of one role to another"`
	Rebalance  []string            `toml:"rebalance" doc:"roles whose accounts are shared out afresh among their people, least loaded first, once everything else is done"`
	Inbound    Named[StreamChange] `toml:"inbound" keyname:"stream" doc:"dated demand that comes with the reorganisation: new rates and marketing budgets of inbound streams from then on (seed 000: the marketing push that starts with the plan). Part of the new design: the status quo, without the reorganisations, is without them too"`
}

// Move takes people from one role to another.
type Move struct {
	From string `toml:"from" req:"true" doc:"the role people leave"`
	To   string `toml:"to" req:"true" doc:"the role they join"`
	N    int    `toml:"n" default:"-1" range:"[-1,)" doc:"number of people; -1: all"`
}

// Transfer hands every account of one role to another.
type Transfer struct {
	From string `toml:"from" req:"true" doc:"the role giving its accounts"`
	To   string `toml:"to" req:"true" doc:"the role receiving them"`
}

// Target is a growth goal.
type Target struct {
	Metric   string   `toml:"metric" default:"margin" enum:"margin|revenue" doc:"what is measured"`
	Growth   Fraction `toml:"growth" req:"true" range:"(-1,)" doc:"required growth over the baseline (\"100%\" = double)"`
	By       Duration `toml:"by" req:"true" range:"(0,)" doc:"when, after the warm-up, in whole months, at most the horizon"`
	Window   Duration `toml:"window" default:"1mo" range:"(0,)" doc:"the rolling window the metric is averaged over, in whole months"`
	Baseline Baseline `toml:"baseline" default:"auto" doc:"the monthly value to grow from (an amount), or \"auto\": the mean over the last twelve months of the warm-up"`
}
