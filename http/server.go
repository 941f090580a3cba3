package http

import (
	"context"
	"log/slog"
	"net/http"
	"sync"
	"sync/atomic"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/corridor-aml/corridor"
	"github.com/corridor-aml/corridor/apikey"
	"github.com/corridor-aml/corridor/match"
	"github.com/corridor-aml/corridor/policy"
)

// Loader loads the lists and indexes them. The server calls it once at start and again on
// each reload; it returns the snapshots too, for entity lookups.
type Loader func(ctx context.Context) (*match.Index, []*corridor.ListSnapshot, error)

// Limits bound what one request may ask for.
type Limits struct {
	MaxBodyBytes  int64 // a JSON request body
	MaxBatchLines int   // lines of one /v1/screen/batch request
	MaxLineBytes  int   // one line of a batch request
	MaxQueries    int   // queries of one /match request
	// MaxPaymentBytes bounds a payment message of /v1/payments/screen: a bulk pain.001 is
	// larger than any JSON request.
	MaxPaymentBytes int64
}

// DefaultLimits are the limits when Options leaves them zero.
var DefaultLimits = Limits{MaxBodyBytes: 64 << 10, MaxBatchLines: 1_000_000, MaxLineBytes: 16 << 10, MaxQueries: 100, MaxPaymentBytes: 8 << 20}

// Options configure a Server.
type Options struct {
	Load   Loader
	Logger *slog.Logger // nil: discard
	// Keys returns the API keys in force; nil means no keys at all.
	Keys func() *apikey.Set
	// RequireKeys makes every route but the health checks and the OpenAPI document ask for a
	// key. When false, a request without a key acts as admin, and one with a key is checked.
	RequireKeys bool
	Limits      Limits
	MaxListAge  time.Duration // lists older than this show as stale in /v1/lists
	Now         func() time.Time
	// Pack is the licence policy payments are decided with; nil: the embedded Afghanistan pack.
	Pack *policy.Pack
	// ReviewThreshold is the score from which a near miss sends a payment to review; 0: the
	// default (policy.DefaultReviewThreshold).
	ReviewThreshold float64
	// Store keeps the alerts, monitored parties and audit trail behind /v1/alerts,
	// /v1/parties and /v1/audit; nil: those answer 503 no_store. The server does not close
	// it: whoever opened it does, after Run returns.
	Store corridor.Store
}

// Server answers the API. Create it with New; it is ready once the first index is loaded.
type Server struct {
	opt    Options
	log    *slog.Logger
	cur    atomic.Pointer[match.Current] // nil until the first load
	data   atomic.Pointer[dataset]       // the entities of the index in use, by ID
	reload sync.Mutex                    // one reload at a time
	// rescreens are the re-screens of monitored parties that reloads start, one at a time;
	// Run waits for them before it returns, so that the store outlives them.
	rescreens   sync.WaitGroup
	rescreening sync.Mutex
	metrics     *metrics
	routes      []route
	mux         *http.ServeMux
}

// New returns a server that has not loaded its lists yet: call Reload (or Run, which does it
// in the background) before it is ready.
func New(opt Options) *Server {
	if opt.Logger == nil {
		opt.Logger = slog.New(slog.DiscardHandler)
	}
	if opt.Now == nil {
		opt.Now = time.Now
	}
	if opt.Keys == nil {
		opt.Keys = func() *apikey.Set { return &apikey.Set{} }
	}
	lim := &opt.Limits
	def := DefaultLimits
	if lim.MaxBodyBytes <= 0 {
		lim.MaxBodyBytes = def.MaxBodyBytes
	}
	if lim.MaxBatchLines <= 0 {
		lim.MaxBatchLines = def.MaxBatchLines
	}
	if lim.MaxLineBytes <= 0 {
		lim.MaxLineBytes = def.MaxLineBytes
	}
	if lim.MaxQueries <= 0 {
		lim.MaxQueries = def.MaxQueries
	}
	if lim.MaxPaymentBytes <= 0 {
		lim.MaxPaymentBytes = def.MaxPaymentBytes
	}
	s := &Server{opt: opt, log: opt.Logger}
	s.metrics = newMetrics(s)
	s.routes = s.routeTable()
	s.mux = s.buildMux()
	return s
}

// Handler returns the server's HTTP handler.
func (s *Server) Handler() http.Handler { return s.mux }

// Registry returns the server's metrics registry (its own, not the global one).
func (s *Server) Registry() *prometheus.Registry { return s.metrics.reg }

// Ready reports whether an index is in place.
func (s *Server) Ready() bool { return s.cur.Load() != nil }

// current returns the index holder, or nil before the first load.
func (s *Server) current() *match.Current { return s.cur.Load() }
