package org

import "github.com/salesim/salesim/sim/dist"

// Config describes a sales organisation and its market: everything one
// replication needs. Times are hours, money is in the scenario's currency,
// rates are per hour unless a field says otherwise. References between
// parts are indices into the Config's slices (-1 means none).
//
// A Config is built by package scenario from a TOML file, or by hand, and
// checked by [Compile]; it is never modified by a run, so one Config may be
// shared by any number of concurrent replications.
type Config struct {
	Name        string
	Description string

	Run    Run
	Market Market

	Inbound    []Inbound  // streams of inbound requests
	Databases  []Database // raw contact bases for outbound (cold) calling
	Activities []Activity
	Stages     []Stage // the funnel: what happens to a lead, in order
	Clients    Clients
	Roles      []Role
	Handoffs   []Handoff
	Initial    []Initial // the state at time 0: existing clients and pipeline
	Reorgs     []Reorg   // changes of design at given times
	Target     *Target   // a growth target, or nil
}

// Run holds the experiment settings a scenario may carry; command-line
// flags override them.
type Run struct {
	Horizon      float64 // hours simulated after the warm-up; statistics cover this span
	Warmup       float64 // hours simulated before statistics start
	Replications int
	Seed         uint64
}

// Market describes the companies leads come from.
type Market struct {
	// Size is a company's potential margin per month, drawn once per
	// company (heavy-tailed: research/domain.md D1).
	Size dist.Dist
	// MarginRate is margin as a share of revenue (revenue = margin/rate).
	MarginRate float64
	// Need gives how often a client must be contacted, by size: the first
	// tier whose MinSize is at most the client's size applies (tiers are
	// sorted by MinSize descending when compiled). A client contacted less
	// often than it needs is neglected: it orders less and churns more.
	Need []NeedTier
}

// NeedTier is a contact need for clients of at least MinSize.
type NeedTier struct {
	MinSize float64
	Every   float64 // hours between contacts the client needs
}

// Inbound is a stream of requests arriving on their own (web forms, calls)
// as a non-homogeneous Poisson process.
type Inbound struct {
	Name string
	// Rate is the base number of requests per open hour.
	Rate float64
	// Growth is the relative growth of the rate per year (0.2 = +20 %/yr),
	// compounded continuously.
	Growth float64
	// Open is when requests arrive; nil means around the clock.
	Open *Week
	// Weekday multiplies the rate by day (Monday first); Month by month of
	// the year (January first, the run starting on 1 January). Zero values
	// mean 1.
	Weekday [7]float64
	Month   [12]float64
	// Stage is the funnel stage a request enters at; Role the role that
	// receives it (-1: the first role that performs the stage's activity).
	Stage int
	Role  int
}

// Database is a finite list of raw contacts worked by outbound calling.
// Calling is pulled work: a person whose role performs the database's
// stage activity calls the next available contact when nothing more urgent
// waits.
type Database struct {
	Name     string
	Contacts int
	// Cooloff is the time before a contact that did not convert may be
	// called again; MaxAttempts the number of calls after which it is
	// exhausted (0: never).
	Cooloff     float64
	MaxAttempts int
	// Stage is the funnel stage a call works (usually the first).
	Stage int
}

// Activity is a kind of work: a call, a meeting, a document.
type Activity struct {
	Name string
	// Duration is the time the work takes a fully ramped, rested person
	// of speed 1.
	Duration dist.Dist
	// Kind groups activities for switching cost: changing from one kind to
	// another costs the person's role its setup time.
	Kind string
	// Priority orders waiting work: lower is taken first.
	Priority int
	// Interrupts lets the activity preempt lower-priority work in progress
	// (a ringing inbound call); the preempted work resumes afterwards.
	Interrupts bool
	// Fatigue marks work whose speed and conversion decline with time on
	// shift (phone work).
	Fatigue bool
	// Patience is how long a task of this activity may wait before it is
	// lost (zero: forever). A lost stage task makes the lead go cold; a
	// lost order is lost margin and counts as neglect.
	Patience dist.Dist
}

// Outcome of a failed stage.
type Outcome int

const (
	Lost    Outcome = iota // the lead is lost
	Nurture                // the lead has no need now: re-contact at its need date
)

// Stage is one step of the funnel.
type Stage struct {
	Name     string
	Activity int
	// Convert is the probability that the stage succeeds for a lead worked
	// at once by a person of skill 1, fully ramped and rested.
	Convert float64
	// Next is the stage a success leads to; -1 means the lead is won: it
	// places its first order and becomes a client.
	Next int
	// Delay is the time between the previous stage's success and this
	// stage's work becoming available (a meeting is booked for next week).
	Delay dist.Dist
	// Decay gives the conversion multiplier by the time the lead waited
	// for this stage's work (speed to lead, research/domain.md C4/C5),
	// linear between points and constant beyond them; empty: no decay.
	Decay []DecayPoint
	// NurtureShare is the share of failures that are nurtured rather than
	// lost; NeedIn the time until a nurtured lead's need date, when it is
	// re-contacted at stage Recall.
	NurtureShare float64
	NeedIn       dist.Dist
	Recall       int
}

// DecayPoint is a conversion multiplier after a wait.
type DecayPoint struct {
	Wait float64 // hours
	Mult float64
}

// Clients describes the life of a won lead.
type Clients struct {
	// FirstOrder is the margin of the first order as a share of the
	// client's size; StartLevel the client's monthly volume afterwards as
	// a share of its size; Plan the share that counts as developed to its
	// planned volume.
	FirstOrder float64
	StartLevel float64
	Plan       float64
	// OrdersPerMonth is the rate of repeat orders of a client served as it
	// needs; each carries size·level/OrdersPerMonth of margin.
	OrdersPerMonth float64
	// Order is the activity that handles an order (-1: none, the margin is
	// booked at once). Margin is booked when the order is handled.
	Order int
	// SaleWork lists activities each won deal creates for the person who
	// closed it (contract, invoice, shipment follow-up).
	SaleWork []int
	// Care is the activity of a proactive contact (-1: none). A contact
	// resets the client's neglect clock and, below plan, raises its level
	// by DevelopStep with probability DevelopProb.
	Care        int
	DevelopStep float64
	DevelopProb float64
	// Claims per month per client, handled by activity Claim (-1: none).
	ClaimsPerMonth float64
	Claim          int
	// Churn is the base annual churn hazard of a client; NeglectChurn
	// multiplies it while the client is neglected (overdue for contact)
	// and NeglectOrders multiplies its order rate then.
	Churn         float64
	NeglectChurn  float64
	NeglectOrders float64
	// LostOrderChurn is the probability that a client whose order waited
	// past its patience leaves.
	LostOrderChurn float64
}

// Assign says how a role picks the person who takes over an account.
type Assign int

const (
	AssignFinder      Assign = iota // the person who found it (pulled work); else least loaded
	AssignLeastLoaded               // the person with the fewest accounts
	AssignRoundRobin                // in turn
	AssignPool                      // nobody: the role's accounts are a shared pool
)

// Role is a job in the department.
type Role struct {
	Name      string
	Headcount int
	// Shifts are the calendars of the role's shift groups: person i works
	// Shifts[i mod len(Shifts)]. At least one.
	Shifts []Week
	// Speed and Skill are per activity (indexed like Config.Activities):
	// Speed 0 means the role does not perform the activity; otherwise the
	// duration is divided by it. Skill multiplies conversion.
	Speed []float64
	Skill []float64
	// Pull lists the outbound work the role does when nothing waits, in
	// order: database indices (calling raw contacts).
	Pull []int
	Pay  Pay

	// Setup is the time lost when a person changes from one kind of
	// activity to another; SetupPair overrides it for given pairs.
	Setup     float64
	SetupPair []SetupPair
	Fatigue   Fatigue

	Absence []Absence
	// Ramp gives a new hire's productivity by month of tenure (the last
	// value holds after); RampSpeed/RampConvert say what it multiplies.
	Ramp        []float64
	RampSpeed   bool
	RampConvert bool
	// Attrition is the annual hazard of a person leaving; Refill the delay
	// before the vacancy is filled by a new hire; LeaveLoss the
	// probability that each client of a leaver leaves too (D8).
	Attrition float64
	Refill    dist.Dist
	LeaveLoss float64

	Assign Assign
	// Personal: tasks for an account go to the account's person (true) or
	// to the role's shared queue (false). Cover: colleagues may take the
	// personal tasks of an absent person.
	Personal bool
	Cover    bool
	// PairWith is a role whose person i is this role's person i's fixed
	// partner (manager + assistant): work on one partner's accounts that
	// only the other partner's role does goes to that partner alone, both
	// ways. -1: none.
	PairWith int
	// PortfolioLimit caps the accounts a person owns (0: none); at the cap
	// the person stops prospecting and is skipped when accounts arrive.
	PortfolioLimit int
	// CareEvery is how often the role contacts each client it owns; 0
	// means as each client needs (Market.Need).
	CareEvery float64
	// Pause stops the role's pulled work while another role is overloaded.
	Pause *Pause
	// FatCat lowers prospecting as portfolio income nears a target.
	FatCat *FatCat
	// New is the number of the initial headcount that are new hires
	// (ramping up); the others are fully ramped.
	New int
}

// Pay is what a person of a role costs.
type Pay struct {
	Salary float64 // per month employed
	Hourly float64 // per scheduled hour present (not absent)
	// Commission is the share of margin of the clients the person owns;
	// SourceCommission the share of margin of accounts the person passed
	// on — the first handoff of a lead or client — for SourceMonths after
	// the account's first order.
	Commission       float64
	SourceCommission float64
	SourceMonths     float64
	// Bonuses per event.
	PerHandover   float64 // a client handed over to another role
	PerPassed     float64 // a lead passed to another role
	PerFirstOrder float64 // a deal the person won
}

// SetupPair is a switching cost between two activity kinds, in either
// direction.
type SetupPair struct {
	A, B  string
	Hours float64
}

// Fatigue makes phone work slower and less successful as a shift goes on
// (research/domain.md B1, B2): multipliers fall linearly with hours on
// shift, to Floor at the least, and a break removes BreakRecovery of the
// accumulated fatigue.
type Fatigue struct {
	Speed         float64 // relative fall of speed per hour on shift
	Convert       float64 // relative fall of conversion per hour on shift
	Floor         float64
	BreakRecovery float64
}

// Absence is a kind of leave: spells start at Rate per year and last Length
// (calendar hours).
type Absence struct {
	Name   string
	Rate   float64
	Length dist.Dist
}

// Pause is back-pressure: a role's pulled work stops while role Watch has
// more than Above tasks waiting and restarts when it has at most Below.
type Pause struct {
	Watch        int
	Above, Below int
}

// FatCat is the "fat cat" rule (research/domain.md E4): a person's
// prospecting effort is max(Floor, 1 − (income/Target)^Shape), where
// income is the monthly commission the person's own clients pay at their
// current volume. Free time is spent in blocks of Slack hours, each
// prospecting with probability effort and idle otherwise, so that effort
// is the share of free time spent prospecting.
type FatCat struct {
	Target float64
	Floor  float64
	Shape  float64
	Slack  float64
}

// Trigger is what starts a handoff.
type Trigger int

const (
	AtStage    Trigger = iota // a lead reaches stage Stage
	AtWon                     // a lead becomes a client (first order)
	AfterDeals                // a client has placed Deals orders
	AtPlan                    // a client's volume reaches the plan
	AtVolume                  // a client's monthly margin reaches Volume
)

// Handoff moves an account from one role to another.
type Handoff struct {
	From, To int // role indices; From -1 means any role other than To
	Trigger  Trigger
	Stage    int
	Deals    int
	Volume   float64
	// MinSize and MaxSize restrict the handoff to companies of that size
	// (0: no bound), so that large leads go to a key-account division.
	MinSize, MaxSize float64
	Delay            dist.Dist
	// InfoLoss is what the receiver does not learn: a lead's next stage
	// converts (1 − InfoLoss) as often; a client's volume falls by it.
	InfoLoss float64
}

// Initial is an existing book of business at time 0.
type Initial struct {
	Role int
	// Clients per person of the role, their volume as a share of size,
	// and leads per person waiting at a stage.
	Clients int
	Level   float64
	Leads   int
	Stage   int
}

// Reorg changes the design at a time. Its parts apply in order: Leave,
// Moves, Transfer, Headcount, Rebalance.
type Reorg struct {
	At float64
	// Headcount is the new headcount per role (-1: unchanged). People are
	// hired (ramping up) or let go (the most recent hires first) to match.
	Headcount []int
	// Moves take people, with their clients and tenure, to another role
	// before headcounts are matched.
	Moves []Move
	// Leave is the share of people who leave at the reorganisation
	// (veterans who do not accept the new rules); LeaveRoles limits it to
	// some roles (nil: all). Their clients leave with probability
	// LeaveLoss each and are otherwise handed to colleagues.
	Leave      float64
	LeaveRoles []int
	LeaveLoss  float64
	// Transfer hands every account owned by role From to role To.
	Transfer []Move
	// Rebalance lists roles whose accounts are shared out afresh among
	// their people, each to the least loaded in turn.
	Rebalance []int
}

// Move is a number of people (or, in Reorg.Transfer, all accounts) going
// from one role to another. N < 0 means all.
type Move struct {
	From, To int
	N        int
}

// Target is a growth goal: Metric ("margin" or "revenue") over a rolling
// window of Window months must reach (1+Growth) times the baseline monthly
// value by month By after the warm-up.
type Target struct {
	Metric string
	Growth float64
	By     int // months after the warm-up
	Window int // months
	// Baseline is the monthly value to grow from; 0 means measured: the
	// mean monthly value over the last twelve months of the warm-up (or
	// all of it if shorter).
	Baseline float64
}
