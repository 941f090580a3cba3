package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/spf13/cobra"

	"github.com/corridor-aml/corridor"
	"github.com/corridor-aml/corridor/apikey"
	corridorhttp "github.com/corridor-aml/corridor/http"
	"github.com/corridor-aml/corridor/lists"
	"github.com/corridor-aml/corridor/match"
)

type serveFlags struct {
	match          matchFlags
	addr           string
	tlsCert        string
	tlsKey         string
	reloadEvery    time.Duration
	requireKeys    bool
	insecureNoAuth bool
	maxBatchLines  int
	maxAge         time.Duration
	grace          time.Duration
	logLevel       string
	auditRetain    retention
	pruneEvery     time.Duration // how often --audit-retain prunes: a day, shorter in tests
}

func newServeCmd() *cobra.Command {
	f := serveFlags{pruneEvery: 24 * time.Hour}
	cmd := &cobra.Command{
		Use:   "serve",
		Short: "Serve the screening API over HTTP (native /v1 and OpenSanctions-compatible /match)",
		Long: `Serve the screening API: the native JSON API under /v1, an OpenSanctions (yente)
compatible API (/match, /search, /entities, /catalog, /algorithms), Prometheus
metrics at /metrics, health checks at /healthz and /readyz, and the OpenAPI
document at /openapi.json. docs/api.md describes every endpoint.

The socket opens at once; the lists load in the background, and /readyz answers 503
until they are in place. Lists are reloaded every --reload-every and on
POST /v1/lists/reload (admin key); a reload builds the new index beside the old
one and swaps it in, so that no request fails during it.

With a store (--store; by default the data directory's corridor.db when it exists,
else none) the server also answers /v1/alerts, /v1/parties and /v1/audit: analysts
read alerts and propose decisions, approvers confirm or reject them, admins verify
and export the audit trail (see corridor keys create --role). Without one those
answer 503. The store is closed when the server stops. With --audit-retain (e.g. 10y)
the server removes the audit payloads older than that at start and then once a day,
as corridor audit prune does, in the name of the person running it (an admin).

API keys (corridor keys create) are required when --addr is not a loopback
address, unless --insecure-no-auth is given; on loopback they are optional unless
--require-keys. SIGINT or SIGTERM stop the server gracefully: requests in flight
get --shutdown-grace to finish.`,
		Example: `  corridor serve
  corridor serve --addr 0.0.0.0:8443 --tls-cert /etc/corridor/tls.crt --tls-key /etc/corridor/tls.key
  corridor serve --reload-every 1h --lists us_ofac_sdn,un
  CORRIDOR_ADDR=127.0.0.1:9000 corridor serve --require-keys`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error { return runServe(cmd, &f) },
	}
	addMatchFlags(cmd, &f.match, "serve only these lists")
	addStoreFlag(cmd)
	cmd.PersistentFlags().Lookup("store").Usage = "the store of alerts, parties and audit trail behind /v1/alerts, /v1/parties and /v1/audit: " +
		"sqlite:PATH, a postgres:// URL, or none (default: SQLite file " + storeFileName + " in the data directory if it exists, else none)"
	fl := cmd.Flags()
	fl.StringVar(&f.addr, "addr", "127.0.0.1:8080", "address to listen on, host:port")
	fl.StringVar(&f.tlsCert, "tls-cert", "", "TLS certificate file (PEM); with --tls-key, serve HTTPS")
	fl.StringVar(&f.tlsKey, "tls-key", "", "TLS private key file (PEM)")
	fl.DurationVar(&f.reloadEvery, "reload-every", 0, "reload the lists this often, e.g. 1h (0: only on POST /v1/lists/reload)")
	fl.BoolVar(&f.requireKeys, "require-keys", false, "require an API key even on a loopback address")
	fl.BoolVar(&f.insecureNoAuth, "insecure-no-auth", false,
		"serve a non-loopback address without API keys: anyone who can reach it can screen and reload (only behind your own authenticating proxy)")
	fl.IntVar(&f.maxBatchLines, "max-batch-lines", corridorhttp.DefaultLimits.MaxBatchLines, "most lines one /v1/screen/batch request may hold")
	fl.DurationVar(&f.maxAge, "max-age", lists.DefaultMaxAge, "lists older than this show as stale in /v1/lists")
	fl.DurationVar(&f.grace, "shutdown-grace", 30*time.Second, "on SIGINT or SIGTERM, how long requests in flight get to finish")
	fl.StringVar(&f.logLevel, "log-level", "info", "log level: debug, info (one line per request), warn or error")
	fl.Var(&f.auditRetain, "audit-retain", "with a store, remove audit payloads older than this at start and then daily, as corridor audit prune --retain does: "+
		"10y, 3650d or 8760h (default: never)")
	return cmd
}

func runServe(cmd *cobra.Command, f *serveFlags) error {
	var level slog.Level
	if err := level.UnmarshalText([]byte(f.logLevel)); err != nil {
		return fmt.Errorf("--log-level %q: want debug, info, warn or error", f.logLevel)
	}
	if (f.tlsCert == "") != (f.tlsKey == "") {
		return errors.New("--tls-cert and --tls-key go together")
	}
	if f.reloadEvery < 0 {
		return fmt.Errorf("--reload-every %v: want 0 or more", f.reloadEvery)
	}
	if f.maxBatchLines < 1 {
		return fmt.Errorf("--max-batch-lines %d: want 1 or more", f.maxBatchLines)
	}
	cfg, err := f.match.config()
	if err != nil {
		return err
	}
	selected, err := f.match.selected()
	if err != nil {
		return err
	}
	loopback, err := isLoopback(f.addr)
	if err != nil {
		return err
	}
	requireKeys := f.requireKeys || (!loopback && !f.insecureNoAuth)
	log := slog.New(slog.NewJSONHandler(cmd.ErrOrStderr(), &slog.HandlerOptions{Level: level}))

	dataDir := cmd.Flag("data-dir").Value.String()
	keys, err := apikey.NewWatcher(apikey.Path(dataDir), log)
	if err != nil {
		return err
	}
	if requireKeys && !keys.Keys().Active() {
		return fmt.Errorf("API keys are required on %s but %s holds none: create one with corridor keys create --role admin (or, on a trusted network only, pass --insecure-no-auth)",
			f.addr, apikey.Path(dataDir))
	}
	if !loopback && f.insecureNoAuth {
		log.Warn("serving a non-loopback address without API keys (--insecure-no-auth): anyone who can reach it can screen and reload lists",
			slog.String("addr", f.addr))
	}

	store, err := serveStore(cmd)
	if err != nil {
		return err
	}
	if store != nil {
		defer store.Close()
	} else {
		log.Info("no store: /v1/alerts, /v1/parties and /v1/audit answer 503 (see --store)")
	}
	retain, err := serveAuditRetention(cmd, log, store, f.auditRetain, f.pruneEvery)
	if err != nil {
		return err
	}

	srv := corridorhttp.New(corridorhttp.Options{
		Load: func(ctx context.Context) (*match.Index, []*corridor.ListSnapshot, error) {
			return serveLoad(cmd, selected, cfg)
		},
		Logger:      log,
		Keys:        keys.Keys,
		RequireKeys: requireKeys,
		Limits:      corridorhttp.Limits{MaxBatchLines: f.maxBatchLines},
		MaxListAge:  f.maxAge,
		Store:       store,
	})
	ln, err := net.Listen("tcp", f.addr)
	if err != nil {
		return err
	}
	ctx, stop := signal.NotifyContext(cmd.Context(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	go keys.Run(ctx, 2*time.Second)
	pruning := retain(ctx)
	err = srv.Run(ctx, ln, corridorhttp.RunOptions{
		TLSCert: f.tlsCert, TLSKey: f.tlsKey, ReloadEvery: f.reloadEvery, ShutdownGrace: f.grace,
	})
	stop()
	pruning() // before the deferred store.Close
	return err
}

// serveLoad loads the lists as the other commands do (each list's current version in the
// data directory, else the embedded snapshot) and indexes them. Unlike screen --lists, which
// screens a subset of an index of every list, serve --lists loads only those lists. It
// builds a new index every time rather than reuse buildIndex's last one: a reload is rare,
// and an operator who asks for one should get an index built from what is on disk now.
func serveLoad(cmd *cobra.Command, selected []corridor.ListID, cfg match.Config) (*match.Index, []*corridor.ListSnapshot, error) {
	snaps, err := loadLists(cmd, selected)
	if err != nil {
		return nil, nil, err
	}
	idx, err := match.Build(snaps, cfg)
	if err != nil {
		return nil, nil, err
	}
	return idx, snaps, nil
}

// isLoopback reports whether addr listens on loopback only. An empty host listens on every
// interface, so it is not loopback.
func isLoopback(addr string) (bool, error) {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return false, fmt.Errorf("--addr %q: %w", addr, err)
	}
	if host == "localhost" {
		return true, nil
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback(), nil
}
