package policy

import (
	"os"
	"slices"
	"testing"
	"time"

	"github.com/corridor-aml/corridor"
	"github.com/corridor-aml/corridor/payment/anyformat"
	"github.com/corridor-aml/corridor/screen"
)

// benchPayment is a pacs.008 with five parties, as the bar measures, whose text names
// a listed minister (two hits, OFAC and UN) so that every licence in scope is evaluated.
func benchPayment() *corridor.Payment {
	return &corridor.Payment{
		Format: "pacs.008.001.08", ValueDate: "2026-11-20", PurposeCode: "TAXS",
		Amount: corridor.Amount{Value: "12000", Currency: "USD"},
		Parties: []corridor.Party{
			{Role: corridor.RoleDebtor, Name: "World Food Programme", Country: "IT", Where: "Dbtr"},
			{Role: corridor.RoleDebtorAgent, BIC: "BCITITMMXXX", Where: "DbtrAgt"},
			{Role: corridor.RoleIntermediaryAgent, BIC: "CITIUS33XXX", Where: "IntrmyAgt1"},
			{Role: corridor.RoleCreditorAgent, BIC: "AFIBAFKAXXX", Where: "CdtrAgt"},
			{Role: corridor.RoleCreditor, Name: "Ministry of Finance of Afghanistan", Country: "AF", Where: "Cdtr"},
		},
		RemittanceInfo: []corridor.Text{{Text: "Customs duties on food imports, attn Minister Gul Agha Ishakzai", Where: "RmtInf/Ustrd"}},
	}
}

// Evaluation alone, over a screening result made once; p99-ns is the 99th percentile of
// single evaluations.
func BenchmarkEvaluateBundled(b *testing.B) {
	p := benchPayment()
	res := screener(b).Payment(p)
	pk := bundledPack(b)
	var times []time.Duration
	b.ReportAllocs()
	for b.Loop() {
		start := time.Now()
		pk.Evaluate(p, &res, Options{})
		times = append(times, time.Since(start))
	}
	b.ReportMetric(float64(len(res.Hits)), "hits")
	b.ReportMetric(float64(p99(times)), "p99-ns")
}

// Screening and evaluation together: what a decision costs before it weighs the outcomes.
func BenchmarkScreenAndEvaluate(b *testing.B) {
	p := benchPayment()
	s := screener(b)
	pk := bundledPack(b)
	var times []time.Duration
	var res screen.PaymentResult
	b.ReportAllocs()
	for b.Loop() {
		start := time.Now()
		res = s.Payment(p)
		pk.Evaluate(p, &res, Options{})
		times = append(times, time.Since(start))
	}
	b.ReportMetric(float64(p99(times)), "p99-ns")
}

func p99(times []time.Duration) time.Duration {
	if len(times) == 0 {
		return 0
	}
	slices.Sort(times)
	return times[len(times)*99/100]
}

// Loading and compiling the bundled pack, which a process does once.
func BenchmarkLoadBundled(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Load(afghanistanPack, BundledName); err != nil {
			b.Fatal(err)
		}
	}
}

// The whole decision on a real pacs.008 message, the CBPR+ sample: nine parties (sender,
// receiver, previous instructing, instructing and instructed agents, debtor, debtor agent,
// creditor agent, creditor) and a remittance line, read once, then screened, evaluated and
// decided; p99-ns is the 99th percentile of single decisions.
func BenchmarkDecidePacs008(b *testing.B) {
	data, err := os.ReadFile("../payment/iso20022/testdata/pacs.008.001.08-cbprplus-p_2_1_1_C_D.xml")
	if err != nil {
		b.Fatal(err)
	}
	payments, err := anyformat.Read(data, "pacs008")
	if err != nil {
		b.Fatal(err)
	}
	s, pk := screener(b), bundledPack(b)
	var times []time.Duration
	b.ReportAllocs()
	for b.Loop() {
		start := time.Now()
		DecideAll(s, pk, payments, Options{}, DefaultReviewThreshold)
		times = append(times, time.Since(start))
	}
	b.ReportMetric(float64(p99(times)), "p99-ns")
}
