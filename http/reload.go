package http

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"time"

	"github.com/corridor-aml/corridor"
	"github.com/corridor-aml/corridor/match"
	"github.com/corridor-aml/corridor/screen"
)

// dataset is what the server knows besides the index: the listed entities by ID, and when
// it was loaded.
type dataset struct {
	entities map[string]*corridor.Entity
	loadedAt time.Time
}

// Reload loads the lists and indexes them off to the side, then swaps the new index in:
// requests in flight finish on the old one, new ones use the new one, none fails. Reloads
// run one at a time; it returns the versions now in use.
func (s *Server) Reload(ctx context.Context) ([]corridor.ListVersion, error) {
	s.reload.Lock()
	defer s.reload.Unlock()
	start := time.Now()
	idx, snaps, err := s.opt.Load(ctx)
	if err == nil && idx == nil {
		err = fmt.Errorf("loader returned no index")
	}
	if err != nil {
		s.metrics.reloads.WithLabelValues("error").Inc()
		s.log.LogAttrs(ctx, slog.LevelError, "list reload failed", slog.String("error", err.Error()))
		return nil, err
	}
	d := &dataset{entities: map[string]*corridor.Entity{}, loadedAt: s.opt.Now()}
	for _, snap := range snaps {
		for i := range snap.Entities {
			e := &snap.Entities[i]
			d.entities[e.ID] = e
		}
	}
	// The entities first: an entity a new screen finds must be there to look up.
	before := s.data.Swap(d)
	if cur := s.cur.Load(); cur != nil {
		cur.Swap(idx)
	} else {
		s.cur.Store(match.NewCurrent(idx))
	}
	s.metrics.reloads.WithLabelValues("ok").Inc()
	if before != nil && s.opt.Store != nil {
		s.startRescreen(context.WithoutCancel(ctx), before, d, idx)
	}
	entities, names := idx.Len()
	s.log.LogAttrs(ctx, slog.LevelInfo, "lists loaded", slog.Int("entities", entities), slog.Int("names", names),
		slog.Duration("took", time.Since(start)), slog.Any("lists", versionLog(idx.Versions())))
	return idx.Versions(), nil
}

// startRescreen re-screens the monitored parties in the background against what a reload
// added or changed, as corridor lists update does: a party cleared yesterday must be
// screened again the day a list adds a matching name.
func (s *Server) startRescreen(ctx context.Context, before, after *dataset, idx *match.Index) {
	changed := screen.ChangedEntities(before.entities, after.entities)
	if len(changed) == 0 {
		return
	}
	s.rescreens.Add(1)
	go func() {
		defer s.rescreens.Done()
		s.rescreening.Lock()
		defer s.rescreening.Unlock()
		rep, err := screen.RescreenStore(ctx, s.opt.Store, idx, changed, "corridor serve")
		if err != nil {
			s.log.LogAttrs(ctx, slog.LevelError, "re-screening monitored parties failed", slog.String("error", err.Error()))
			return
		}
		s.log.LogAttrs(ctx, slog.LevelInfo, "monitored parties re-screened", slog.Int("changed_entities", len(changed)),
			slog.Int("parties", rep.Parties), slog.Int("new_alerts", rep.New), slog.Int("already_open", rep.Open),
			slog.Int("previously_cleared", rep.Cleared), slog.Duration("took", rep.Elapsed))
	}()
}

// WaitRescreens waits for the re-screens reloads started.
func (s *Server) WaitRescreens() { s.rescreens.Wait() }

func versionLog(vs []corridor.ListVersion) []string {
	out := make([]string, len(vs))
	for i, v := range vs {
		out[i] = string(v.List) + "@" + v.Hash
	}
	return out
}

// loadUntilReady loads the lists, retrying until it succeeds or ctx ends: a server whose
// first load failed (a corrupt file, a full disk) stays up and says so on /readyz.
func (s *Server) loadUntilReady(ctx context.Context, retry time.Duration) {
	for {
		if _, err := s.Reload(ctx); err == nil {
			return
		}
		select {
		case <-ctx.Done():
			return
		case <-time.After(retry):
		}
	}
}

// reloadEvery reloads on a schedule until ctx ends. A failed reload keeps the index in use.
func (s *Server) reloadEvery(ctx context.Context, every time.Duration) {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			_, _ = s.Reload(ctx) // logged and counted by Reload
		}
	}
}

func (s *Server) handleReload(w http.ResponseWriter, r *http.Request) error {
	// The reload must not stop when the client hangs up: the new index is for everyone.
	vs, err := s.Reload(context.WithoutCancel(r.Context()))
	if err != nil {
		return &apiError{Status: http.StatusInternalServerError, Code: codeReloadFailed,
			Message: "reload failed; the lists in use are unchanged: " + err.Error()}
	}
	writeJSON(w, http.StatusOK, listsResponse{Lists: s.listStatus(vs)})
	return nil
}
