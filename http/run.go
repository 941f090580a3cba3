package http

import (
	"context"
	"crypto/tls"
	"errors"
	"log/slog"
	"net"
	"net/http"
	"time"
)

// RunOptions say how Run serves.
type RunOptions struct {
	TLSCert, TLSKey string        // both or neither
	ReloadEvery     time.Duration // 0: reload only on request
	ShutdownGrace   time.Duration // how long requests in flight get to finish; 0: 30 s
	RetryLoad       time.Duration // between failed first loads; 0: 10 s
}

// Timeouts of the HTTP server. Reads and writes of a whole ordinary request are bounded; the
// batch handler, whose request and answer stream for as long as the file lasts, moves its
// own deadlines forward line by line instead (see handleBatch).
const (
	readHeaderTimeout = 5 * time.Second
	readTimeout       = 30 * time.Second
	writeTimeout      = 60 * time.Second
	idleTimeout       = 120 * time.Second
)

// Run serves on ln until ctx ends, then shuts down gracefully: it stops accepting, lets the
// requests in flight finish (up to the grace period) and returns. The lists load in the
// background, so that the socket answers /healthz and /readyz from the start.
func (s *Server) Run(ctx context.Context, ln net.Listener, opt RunOptions) error {
	if opt.ShutdownGrace <= 0 {
		opt.ShutdownGrace = 30 * time.Second
	}
	if opt.RetryLoad <= 0 {
		opt.RetryLoad = 10 * time.Second
	}
	srv := &http.Server{
		Handler:           s.Handler(),
		ReadHeaderTimeout: readHeaderTimeout,
		ReadTimeout:       readTimeout,
		WriteTimeout:      writeTimeout,
		IdleTimeout:       idleTimeout,
		MaxHeaderBytes:    16 << 10,
		ErrorLog:          slog.NewLogLogger(s.log.Handler(), slog.LevelWarn),
		BaseContext:       func(net.Listener) context.Context { return context.WithoutCancel(ctx) },
	}
	if opt.TLSCert != "" {
		srv.TLSConfig = &tls.Config{MinVersion: tls.VersionTLS12}
	}
	bg, stopBG := context.WithCancel(ctx)
	defer stopBG()
	go func() {
		if !s.Ready() {
			s.loadUntilReady(bg, opt.RetryLoad)
		}
		if opt.ReloadEvery > 0 {
			s.reloadEvery(bg, opt.ReloadEvery)
		}
	}()

	served := make(chan error, 1)
	go func() {
		var err error
		if opt.TLSCert != "" {
			err = srv.ServeTLS(ln, opt.TLSCert, opt.TLSKey)
		} else {
			err = srv.Serve(ln)
		}
		served <- err
	}()
	s.log.Info("listening", slog.String("addr", ln.Addr().String()), slog.Bool("tls", opt.TLSCert != ""),
		slog.Bool("keys_required", s.opt.RequireKeys))

	select {
	case err := <-served:
		return err
	case <-ctx.Done():
	}
	s.log.Info("shutting down", slog.Duration("grace", opt.ShutdownGrace))
	stopBG()
	sctx, cancel := context.WithTimeout(context.Background(), opt.ShutdownGrace)
	defer cancel()
	err := srv.Shutdown(sctx)
	if serr := <-served; !errors.Is(serr, http.ErrServerClosed) && err == nil {
		err = serr
	}
	s.WaitRescreens() // the caller closes the store after Run
	return err
}
