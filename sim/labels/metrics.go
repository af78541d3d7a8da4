package labels

import (
	"strings"

	"github.com/salesim/salesim/sim/metric"
)

// label is how a metric is called: its English and Russian labels, in
// lower case as they read inside a sentence, and the Russian of the
// description package org gives it in English.
type label struct {
	en, ru, ruDoc string
}

// metrics labels every metric of package metric; the families done.<a>
// and entered.<s> are labelled by their patterns.
var metrics = map[string]label{
	metric.Revenue:         {"revenue", "выручка", "выручка (маржа, делённая на market.margin_rate), по ответственному за клиента"},
	metric.Margin:          {"margin", "маржа", "маржа с первых и повторных заказов, по ответственному за клиента"},
	metric.Cost:            {"cost", "затраты", "затраты на персонал (оклады, почасовая оплата, комиссионные и премии) и маркетинговые бюджеты входящих потоков"},
	metric.CostSalary:      {"salaries", "оклады", "оклады за время работы в штате"},
	metric.CostHourly:      {"hourly pay", "почасовая оплата", "почасовая оплата за отработанные по графику часы"},
	metric.CostCommission:  {"commission", "комиссионные", "процент с маржи своих клиентов и с маржи найденных и переданных клиентов"},
	metric.CostBonus:       {"bonuses", "премии", "премии за передачу клиента, переданный лид и первый заказ"},
	metric.CostMarketing:   {"marketing", "маркетинг", "маркетинговые бюджеты входящих потоков, по роли, принимающей поток"},
	metric.Profit:          {"profit", "прибыль", "маржа минус затраты"},
	metric.Throughput:      {"tasks done", "выполнено задач", "выполненные задачи (все виды работ, включая звонки по базе)"},
	metric.Handovers:       {"clients handed over", "передано клиентов", "клиенты, переданные ролью другой роли"},
	metric.Passed:          {"leads passed on", "передано лидов", "лиды, переданные ролью другой роли"},
	metric.FirstOrders:     {"deals won", "выигранные сделки", "сделки: лиды, сделавшие первый заказ, по роли, закрывшей сделку"},
	metric.NewClients:      {"new clients", "новые клиенты", "лиды, ставшие клиентами"},
	metric.OrdersDone:      {"repeat orders", "повторные заказы", "обработанные повторные заказы, по ответственному за клиента"},
	metric.OrdersLost:      {"orders lost", "потерянные заказы", "повторные заказы, прождавшие дольше терпения клиента и потерянные"},
	metric.ChurnedClients:  {"clients churned", "ушедшие клиенты", "потерянные клиенты, по роли, ответственной за них в момент ухода"},
	metric.ActiveClients:   {"active clients", "активные клиенты", "клиенты на конец периода, по ответственной роли"},
	metric.ChurnedTop20:    {"top-20% clients churned", "ушедшие клиенты из топ-20 %", "ушедшие клиенты из верхних 20 % рынка по размеру (не меньше 80-го процентиля market.size)"},
	metric.ActiveTop20:     {"active top-20% clients", "активные клиенты из топ-20 %", "клиенты из верхних 20 % рынка по размеру на конец периода"},
	metric.MarginTop20:     {"margin from top-20% clients", "маржа с клиентов топ-20 %", "маржа с клиентов из верхних 20 % рынка по размеру"},
	metric.LeadsIn:         {"new leads", "новые лиды", "новые лиды: входящие заявки и контакты, заинтересовавшиеся при звонке, по принявшей роли"},
	metric.LeadsCold:       {"leads gone cold", "остывшие лиды", "лиды, прождавшие дольше своего терпения и остывшие, по роли, которую они ждали"},
	metric.LeadsLost:       {"leads lost", "потерянные лиды", "лиды, отказавшиеся на одном из этапов, по роли, работавшей этап"},
	metric.LeadsIgnored:    {"leads ignored", "проигнорированные лиды", "входящие лиды, которые «жирный кот» не стал брать в работу и оставил без ответа"},
	metric.LeadsNurtured:   {"leads nurtured", "отложенные лиды", "лиды без потребности сейчас, отложенные для звонка к дате потребности"},
	metric.TimeProductive:  {"productive time", "продуктивное время", "часы работы в нормальном темпе"},
	metric.TimeSwitching:   {"time lost switching", "потери на переключение", "часы, потерянные при переключении между видами работ"},
	metric.TimeFatigue:     {"time lost to fatigue", "потери от усталости", "лишние часы работы из-за усталости к концу смены"},
	metric.TimeIdle:        {"idle time", "простой", "часы по графику без работы (или на паузе, или в безделье)"},
	metric.TimeAbsence:     {"absence", "отсутствие", "часы по графику, пропущенные из-за болезни и отпуска"},
	metric.TimeInternal:    {"internal time", "внутренние дела", "часы по графику на планёрки, обучение и планирование"},
	metric.Utilisation:     {"utilisation", "загрузка", "продуктивные часы / часы по графику"},
	metric.QueueWait:       {"queue wait", "ожидание в очереди", "среднее время ожидания задачи в очереди до начала работы, ч (без звонков по базе)"},
	metric.InSystem:        {"tasks in the queue", "задач в очереди", "среднее по времени число задач в очереди и в работе (без звонков по базе)"},
	metric.Headcount:       {"headcount", "численность", "среднее по времени число сотрудников"},
	metric.LeadResponse:    {"lead response time", "время реакции на заявку", "среднее время от поступления входящей заявки до начала работы с ней, ч"},
	metric.Escalated:       {"leads escalated", "эскалированные лиды", "лиды, переданные ролью и эскалированные, потому что их работа слишком долго ждала в очереди принимающей роли"},
	metric.QuotaAttainment: {"quota attainment", "выполнение плана продаж", "средняя доля выполнения месячного плана по марже: маржа своих клиентов за месяц к плану с поправкой на отработанные часы"},
	metric.QuotaMet:        {"quota met", "план выполнен", "доля человеко-месяцев, в которых месячный план по марже выполнен (research/domain.md C13)"},
	metric.QuotaReached:    {"quota reached", "план достигнут", "на сотрудника: 1, если средняя за горизонт доля выполнения месячного плана по марже достигла 100 %, иначе 0; среднее по сотрудникам — доля сотрудников, выполнивших план (research/domain.md C13)"},
	metric.Joined:          {"tasks joined", "задачи с участием коллеги", "задачи, к которым присоединился сотрудник роли (совместная работа), по присоединившейся роли"},
	metric.JoinMissed:      {"joint tasks done alone", "совместные задачи в одиночку", "задачи вида работ с присоединяющейся ролью, начатые в одиночку, потому что никто из этой роли не был свободен, по роли исполнителя"},
	metric.Growth:          {"growth", "рост", "целевой показатель за месяц периода / базовый месяц − 1 (при заданной цели)"},
	metric.Baseline:        {"baseline per month", "база в месяц", "целевой показатель в месяц, от которого считается рост: база цели или среднее за последние 12 месяцев разгона (при заданной цели)"},
	metric.PTarget:         {"P(target)", "P(цель)", "1, если цель достигнута к концу месяца (итог: к целевому месяцу), иначе 0; среднее — вероятность"},
}

// families labels the metrics named after an activity, a stage or a
// handoff, by prefix; %s in a label is the activity's, stage's or
// handoff's name.
var families = []struct {
	prefix string
	label
}{
	{metric.DonePrefix, label{"tasks done: %s", "выполнено задач: %s", "выполненные задачи вида работ"}},
	{metric.EnteredPrefix, label{"leads entering %s", "лиды на этапе %s", "лиды, работа с которыми на этапе стала доступна (воронка)"}},
	{metric.WaitPrefix, label{"queue wait: %s", "ожидание в очереди: %s", "среднее время ожидания задач вида работ в очереди до начала работы, ч (задачи, начатые за горизонт)"}},
	{metric.WaitP50Prefix, label{"median queue wait: %s", "медиана ожидания: %s", "медиана ожидания задач вида работ в очереди, ч (точная в каждом прогоне)"}},
	{metric.WaitP90Prefix, label{"90th percentile queue wait: %s", "90-й процентиль ожидания: %s", "90-й процентиль ожидания задач вида работ в очереди, ч (точный в каждом прогоне)"}},
	{metric.ServiceLevelPrefix, label{"service level: %s", "уровень сервиса: %s", "доля задач вида работ, начатых в пределах его service_time, из начатых и брошенных (только для видов работ с service_time)"}},
	{metric.AbandonedPrefix, label{"tasks abandoned: %s", "брошенные задачи: %s", "задачи вида работ, прождавшие дольше своего терпения"}},
	{metric.PassedViaPrefix, label{"accounts passed: %s", "передано по маршруту: %s", "лиды и клиенты, переданные по этому маршруту передачи (from_to_to)"}},
	{metric.WonAfterPrefix, label{"won after handoff: %s", "выиграно после передачи: %s", "доля переданных по маршруту за горизонт, ставших потом клиентами (для лидов; 0 для клиентов)"}},
	{metric.HandoffTimePrefix, label{"handoff time: %s", "время передачи: %s", "среднее время от передачи до первой работы принимающей роли с клиентом или лидом, ч: задержка передачи и ожидание"}},
	{metric.NormAttainmentPrefix, label{"norm attainment: %s", "выполнение нормы: %s", "средняя доля выполнения нормы за период с поправкой на отработанные часы"}},
	{metric.NormMetPrefix, label{"norm met: %s", "норма выполнена: %s", "доля человеко-периодов, в которых норма выполнена"}},
	{metric.NormReachedPrefix, label{"norm reached: %s", "норма достигнута: %s", "на сотрудника: 1, если средняя за горизонт доля выполнения нормы достигла 100 %, иначе 0; среднее по сотрудникам — доля сотрудников, выполнивших норму"}},
	{metric.SegmentLeadsPrefix, label{"new leads: %s", "новые лиды: %s", "новые лиды сегмента: входящие заявки и контакты, заинтересовавшиеся при звонке (только для схем с сегментами)"}},
	{metric.SegmentWonPrefix, label{"new clients: %s", "новые клиенты: %s", "лиды сегмента, ставшие клиентами"}},
	{metric.SegmentCyclePrefix, label{"sales cycle: %s", "цикл сделки: %s", "среднее время от поступления выигранного лида (или его возврата из отложенных) до первого заказа, ч: цикл сделки сегмента"}},
	{metric.SegmentMarginPrefix, label{"margin: %s", "маржа: %s", "маржа с клиентов сегмента (включая клиентов на начало)"}},
}

// Metric returns the human label of a metric name, lower case: "new
// clients", "новые клиенты"; for done.<activity> and entered.<stage> the
// activity or stage is named as the scenario names it. A name salesim does
// not define is returned as it is.
func (l Lang) Metric(name string) string {
	lb, arg, ok := lookup(name)
	if !ok {
		return name
	}
	s := lb.en
	if l == Russian {
		s = lb.ru
	}
	if arg != "" {
		return strings.Replace(s, "%s", Pretty(arg), 1)
	}
	return s
}

// Doc returns the description of a metric in language l; en is its
// English description (package org's).
func (l Lang) Doc(name, en string) string {
	if l != Russian {
		return en
	}
	if lb, _, ok := lookup(name); ok && lb.ruDoc != "" {
		return lb.ruDoc
	}
	return en
}

// WithUnit returns the label of a metric with its unit: "margin, ₽",
// "queue wait, h", "utilisation, %"; counts have none. Money without a
// currency has none either.
func (l Lang) WithUnit(name string, u metric.Unit, currency string) string {
	s := l.Metric(name)
	if unit := l.Unit(u, currency); unit != "" {
		return s + ", " + unit
	}
	return s
}

// Unit returns the symbol of a unit for a label: the currency for money,
// "h" (ч) for hours, "%" for shares, "" for counts.
func (l Lang) Unit(u metric.Unit, currency string) string {
	switch u {
	case metric.Money:
		return currency
	case metric.Hours:
		return l.Tr("h")
	case metric.Share:
		return "%"
	}
	return ""
}

// lookup finds the label of name, and the activity or stage of a family
// member.
func lookup(name string) (label, string, bool) {
	if lb, ok := metrics[name]; ok {
		return lb, "", true
	}
	for _, f := range families {
		if rest, ok := strings.CutPrefix(name, f.prefix); ok && rest != "" {
			return f.label, rest, true
		}
	}
	return label{}, "", false
}
