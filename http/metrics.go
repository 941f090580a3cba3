package http

import (
	"net/http"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/corridor-aml/corridor/lists"
)

// metrics are the server's own registry, so that two servers in one process (tests) do not
// share counters.
type metrics struct {
	reg      *prometheus.Registry
	requests *prometheus.CounterVec
	latency  *prometheus.HistogramVec
	alerts   *prometheus.CounterVec
	reloads  *prometheus.CounterVec
	handler  http.Handler
}

func newMetrics(s *Server) *metrics {
	m := &metrics{reg: prometheus.NewRegistry()}
	m.requests = prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "corridor_http_requests_total", Help: "HTTP requests by route pattern and status code.",
	}, []string{"route", "code"})
	m.latency = prometheus.NewHistogramVec(prometheus.HistogramOpts{
		Name: "corridor_http_request_duration_seconds", Help: "Time to answer an HTTP request, by route pattern.",
		// Screening takes tens of microseconds; the buckets resolve the low milliseconds.
		Buckets: []float64{.0001, .00025, .0005, .001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 10},
	}, []string{"route"})
	m.alerts = prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "corridor_alerts_total", Help: "Matches at or above the alert threshold, by list.",
	}, []string{"list"})
	m.reloads = prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "corridor_list_reloads_total", Help: "List reloads by outcome (ok, error).",
	}, []string{"outcome"})
	m.reg.MustRegister(m.requests, m.latency, m.alerts, m.reloads, &listCollector{s: s},
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	m.handler = promhttp.HandlerFor(m.reg, promhttp.HandlerOpts{Registry: m.reg})
	return m
}

func (m *metrics) observe(route string, status int, d time.Duration) {
	m.requests.WithLabelValues(route, statusLabel(status)).Inc()
	m.latency.WithLabelValues(route).Observe(d.Seconds())
}

// listCollector reports the lists of the index in use at scrape time, so that an age is
// always current and a list that a reload dropped disappears.
type listCollector struct{ s *Server }

var (
	listAgeDesc = prometheus.NewDesc("corridor_list_age_seconds",
		"Age of the list version in use: since its publish date, else since it was loaded.", []string{"list"}, nil)
	listEntitiesDesc = prometheus.NewDesc("corridor_list_entities",
		"Entities of the list version in use.", []string{"list"}, nil)
	readyDesc = prometheus.NewDesc("corridor_ready", "1 once the lists are loaded and the server answers screens.", nil, nil)
)

func (c *listCollector) Describe(ch chan<- *prometheus.Desc) {
	ch <- listAgeDesc
	ch <- listEntitiesDesc
	ch <- readyDesc
}

func (c *listCollector) Collect(ch chan<- prometheus.Metric) {
	cur := c.s.current()
	if cur == nil {
		ch <- prometheus.MustNewConstMetric(readyDesc, prometheus.GaugeValue, 0)
		return
	}
	ch <- prometheus.MustNewConstMetric(readyDesc, prometheus.GaugeValue, 1)
	for _, st := range lists.Status(cur.Index().Versions(), c.s.opt.Now(), c.s.maxAge()) {
		l := string(st.Version.List)
		ch <- prometheus.MustNewConstMetric(listAgeDesc, prometheus.GaugeValue, st.Age.Seconds(), l)
		ch <- prometheus.MustNewConstMetric(listEntitiesDesc, prometheus.GaugeValue, float64(st.Version.Entities), l)
	}
}

func (s *Server) maxAge() time.Duration {
	if s.opt.MaxListAge > 0 {
		return s.opt.MaxListAge
	}
	return lists.DefaultMaxAge
}

func (s *Server) handleMetrics(w http.ResponseWriter, r *http.Request) error {
	s.metrics.handler.ServeHTTP(w, r)
	return nil
}
