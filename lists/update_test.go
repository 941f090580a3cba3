package lists

import (
	"bytes"
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/corridor-aml/corridor"
	"github.com/corridor-aml/corridor/filestore"
)

// The real UN consolidated list kept by the UN reader's tests: 1,003 entities.
const (
	unFile         = "un/testdata/consolidated.xml"
	unFileEntities = 1003
)

// keepRecords keeps the INDIVIDUAL and ENTITY records of a UN file for which keep(i) holds
// (i counts records from 1), leaving the file well formed. It cuts by plain search rather
// than a regular expression, which the race detector makes slow on a 2 MB file.
func keepRecords(content []byte, keep func(i int) bool) []byte {
	out := make([]byte, 0, len(content))
	i := 0
	for {
		start, tag := nextRecord(content)
		if start < 0 {
			return append(out, content...)
		}
		end := bytes.Index(content[start:], []byte("</"+tag+">"))
		if end < 0 {
			return append(out, content...)
		}
		end += start + len("</"+tag+">")
		out = append(out, content[:start]...)
		if i++; keep(i) {
			out = append(out, content[start:end]...)
		}
		content = content[end:]
	}
}

func nextRecord(content []byte) (int, string) {
	ind, ent := bytes.Index(content, []byte("<INDIVIDUAL>")), bytes.Index(content, []byte("<ENTITY>"))
	switch {
	case ind >= 0 && (ent < 0 || ind < ent):
		return ind, "INDIVIDUAL"
	case ent >= 0:
		return ent, "ENTITY"
	}
	return -1, ""
}

// readUN returns a tenth of the real UN list (every tenth record, still well formed), which
// keeps the many parses of these tests quick under the race detector.
func readUN(t *testing.T) []byte {
	t.Helper()
	content, err := tenthOfUN()
	if err != nil {
		t.Fatal(err)
	}
	return content
}

var tenthOfUN = sync.OnceValues(func() ([]byte, error) {
	content, err := os.ReadFile(unFile)
	if err != nil {
		return nil, err
	}
	return keepRecords(content, func(i int) bool { return i%10 == 0 }), nil
})

const unEntities = unFileEntities / 10

// dropRecords removes every n-th INDIVIDUAL and ENTITY record of a UN file, keeping it well
// formed, and reports how many it removed.
func dropRecords(content []byte, every int) ([]byte, int) {
	dropped := 0
	out := keepRecords(content, func(i int) bool {
		if i%every == 0 {
			dropped++
			return false
		}
		return true
	})
	return out, dropped
}

func newTestUpdater(t *testing.T) *Updater {
	u := NewUpdater(filestore.New(t.TempDir()))
	u.Client = NewHTTPClient(5 * time.Second)
	u.Backoff, u.MaxBackoff = time.Millisecond, 4*time.Millisecond
	u.Attempts = 3
	return u
}

func unSource(url string) Source {
	src, _ := SourceFor(corridor.ListUN)
	src, _ = src.WithURL("", url)
	return src
}

// serve answers every request with handler and counts the requests.
func serve(t *testing.T, handler func(w http.ResponseWriter, r *http.Request, n int)) (*httptest.Server, *atomic.Int32) {
	var count atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		handler(w, r, int(count.Add(1)))
	}))
	t.Cleanup(srv.Close)
	return srv, &count
}

func serveBytes(content []byte) func(http.ResponseWriter, *http.Request, int) {
	return func(w http.ResponseWriter, r *http.Request, _ int) {
		w.Header().Set("Content-Type", "application/xml")
		w.Write(content)
	}
}

// seed stores a first good version of the UN list and returns its hash.
func seed(t *testing.T, u *Updater) string {
	t.Helper()
	srv, _ := serve(t, serveBytes(readUN(t)))
	res, err := u.Update(context.Background(), unSource(srv.URL))
	if err != nil {
		t.Fatal(err)
	}
	return res.Version.Hash
}

// wantRejected checks that err refuses the update for reason and that the version current
// before (kept, or none) is still current.
func wantRejected(t *testing.T, u *Updater, err error, reason Reason, kept string) {
	t.Helper()
	var rej *RejectedError
	if !errors.As(err, &rej) {
		t.Fatalf("err = %v, want a *RejectedError (%s)", err, reason)
	}
	if rej.Reason != reason || rej.List != corridor.ListUN || rej.Kept != kept {
		t.Errorf("rejected for %q (list %s, kept %q), want %q (list un, kept %q)", rej.Reason, rej.List, rej.Kept, reason, kept)
	}
	if !strings.Contains(err.Error(), "list un") || !strings.Contains(err.Error(), string(reason)) {
		t.Errorf("error %q does not name the list and the reason", err)
	}
	cur, cerr := u.Store.Current(corridor.ListUN)
	switch {
	case kept == "" && !errors.Is(cerr, filestore.ErrNotFound):
		t.Errorf("a refused first download was stored: %v %v", cur.Hash, cerr)
	case kept != "" && (cerr != nil || cur.Hash != kept):
		t.Errorf("current version = %s (%v), want %s kept", cur.Hash, cerr, kept)
	}
	t.Logf("%v", err)
}

func TestUpdateSuccessThenNotModified(t *testing.T) {
	u := newTestUpdater(t)
	content, err := os.ReadFile(unFile)
	if err != nil {
		t.Fatal(err)
	}
	const etag = `"v1"`
	lastModified := "Fri, 27 Feb 2026 00:00:09 GMT"
	var conditional atomic.Bool
	srv, count := serve(t, func(w http.ResponseWriter, r *http.Request, _ int) {
		if r.Header.Get("If-None-Match") == etag && r.Header.Get("If-Modified-Since") == lastModified {
			conditional.Store(true)
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", etag)
		w.Header().Set("Last-Modified", lastModified)
		w.Header().Set("Content-Type", "text/xml; charset=utf-8")
		w.Write(content)
	})
	res, err := u.Update(context.Background(), unSource(srv.URL))
	if err != nil {
		t.Fatal(err)
	}
	v := res.Version
	if res.Unchanged || res.Previous != nil || v.Entities != unFileEntities || v.Source != srv.URL ||
		v.Hash != ContentHash(map[string][]byte{"consolidated.xml": content}) || v.LoadedAt.IsZero() ||
		v.Published.Format("2006-01-02") != "2026-02-27" {
		t.Errorf("first update = %+v", res)
	}
	cur, err := u.Store.Current(corridor.ListUN)
	if err != nil || cur.Hash != v.Hash || cur.Files[0].ETag != etag || cur.Format != string(FormatUN) {
		t.Fatalf("stored current = %+v, %v", cur, err)
	}

	res, err = u.Update(context.Background(), unSource(srv.URL))
	if err != nil {
		t.Fatal(err)
	}
	if !res.Unchanged || res.Version.Hash != v.Hash || !conditional.Load() || count.Load() != 2 {
		t.Errorf("second update = %+v, conditional request %v, %d requests", res, conditional.Load(), count.Load())
	}
	if versions, _ := u.Store.Versions(corridor.ListUN); len(versions) != 1 {
		t.Errorf("%d versions stored, want 1", len(versions))
	}
}

func TestUpdateStoresNewVersionWithChanges(t *testing.T) {
	u := newTestUpdater(t)
	first := seed(t, u)
	smaller, dropped := dropRecords(readUN(t), 20) // 5%, within the 10% limit
	srv, _ := serve(t, serveBytes(smaller))
	res, err := u.Update(context.Background(), unSource(srv.URL))
	if err != nil {
		t.Fatal(err)
	}
	if res.Previous == nil || res.Previous.Hash != first || res.Changes == nil ||
		*res.Changes != (Summary{Removed: dropped}) || res.Version.Entities != unEntities-dropped {
		t.Errorf("result = %+v, changes %+v; want %d removed", res, res.Changes, dropped)
	}
	if cur, _ := u.Store.Current(corridor.ListUN); cur.Hash != res.Version.Hash {
		t.Errorf("current = %s, want the new version", cur.Hash)
	}
}

func TestUpdateRetriesAfterServerError(t *testing.T) {
	u := newTestUpdater(t)
	content := readUN(t)
	srv, count := serve(t, func(w http.ResponseWriter, r *http.Request, n int) {
		if n < 3 {
			http.Error(w, "busy", http.StatusInternalServerError)
			return
		}
		w.Write(content)
	})
	res, err := u.Update(context.Background(), unSource(srv.URL))
	if err != nil {
		t.Fatal(err)
	}
	if count.Load() != 3 || res.Version.Entities != unEntities {
		t.Errorf("%d requests, %d entities; want 3 and %d", count.Load(), res.Version.Entities, unEntities)
	}
}

func TestUpdateGivesUpAfterAttempts(t *testing.T) {
	u := newTestUpdater(t)
	kept := seed(t, u)
	srv, count := serve(t, func(w http.ResponseWriter, r *http.Request, _ int) {
		http.Error(w, "down", http.StatusBadGateway)
	})
	_, err := u.Update(context.Background(), unSource(srv.URL))
	wantRejected(t, u, err, ReasonDownload, kept)
	if count.Load() != int32(u.Attempts) {
		t.Errorf("%d requests, want %d", count.Load(), u.Attempts)
	}
}

func TestUpdateDoesNotRetryClientError(t *testing.T) {
	u := newTestUpdater(t)
	srv, count := serve(t, func(w http.ResponseWriter, r *http.Request, _ int) {
		http.NotFound(w, r)
	})
	_, err := u.Update(context.Background(), unSource(srv.URL))
	wantRejected(t, u, err, ReasonDownload, "")
	if count.Load() != 1 {
		t.Errorf("%d requests for a 404, want 1", count.Load())
	}
}

func TestUpdateTimeout(t *testing.T) {
	u := newTestUpdater(t)
	kept := seed(t, u)
	u.Client = NewHTTPClient(100 * time.Millisecond)
	u.Attempts = 2
	srv, count := serve(t, func(w http.ResponseWriter, r *http.Request, _ int) {
		select {
		case <-r.Context().Done():
		case <-time.After(5 * time.Second):
		}
	})
	start := time.Now()
	_, err := u.Update(context.Background(), unSource(srv.URL))
	wantRejected(t, u, err, ReasonDownload, kept)
	if !strings.Contains(err.Error(), "Timeout") && !strings.Contains(err.Error(), "deadline") {
		t.Errorf("error %q does not say it timed out", err)
	}
	if count.Load() != 2 || time.Since(start) > 3*time.Second {
		t.Errorf("%d requests in %v, want 2 quick ones", count.Load(), time.Since(start))
	}
}

func TestUpdateStopsWhenCancelled(t *testing.T) {
	u := newTestUpdater(t)
	u.Backoff, u.MaxBackoff, u.Attempts = time.Hour, time.Hour, 5
	ctx, cancel := context.WithCancel(context.Background())
	srv, _ := serve(t, func(w http.ResponseWriter, r *http.Request, _ int) {
		cancel() // the back-off wait that follows must end with the context
		http.Error(w, "busy", http.StatusServiceUnavailable)
	})
	done := make(chan error, 1)
	go func() { _, err := u.Update(ctx, unSource(srv.URL)); done <- err }()
	select {
	case err := <-done:
		if !errors.Is(err, context.Canceled) {
			t.Errorf("err = %v, want context.Canceled", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("update kept waiting after its context was cancelled")
	}
}

func TestUpdateRejectsHTMLContentType(t *testing.T) {
	u := newTestUpdater(t)
	kept := seed(t, u)
	srv, _ := serve(t, func(w http.ResponseWriter, r *http.Request, _ int) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write([]byte("<p>Service temporarily unavailable</p>"))
	})
	_, err := u.Update(context.Background(), unSource(srv.URL))
	wantRejected(t, u, err, ReasonHTML, kept)
}

func TestUpdateRejectsHTMLBody(t *testing.T) {
	u := newTestUpdater(t)
	kept := seed(t, u)
	srv, _ := serve(t, func(w http.ResponseWriter, r *http.Request, _ int) {
		w.Header().Set("Content-Type", "application/xml")
		w.Write([]byte("\xef\xbb\xbf\r\n  <!DOCTYPE HTML PUBLIC \"-//W3C//DTD HTML 4.01//EN\"><html><body>Login</body></html>"))
	})
	_, err := u.Update(context.Background(), unSource(srv.URL))
	wantRejected(t, u, err, ReasonHTML, kept)
}

func TestUpdateRejectsOversizedFile(t *testing.T) {
	content := readUN(t)
	for _, chunked := range []bool{false, true} {
		t.Run("chunked="+strconv.FormatBool(chunked), func(t *testing.T) {
			u := newTestUpdater(t)
			kept := seed(t, u)
			u.MaxFileSize = int64(len(content)) - 1
			srv, _ := serve(t, func(w http.ResponseWriter, r *http.Request, _ int) {
				if chunked { // no Content-Length: the limit must hold while reading
					w.Write(content[:10])
					w.(http.Flusher).Flush()
					w.Write(content[10:])
					return
				}
				w.Header().Set("Content-Length", strconv.Itoa(len(content)))
				w.Write(content)
			})
			_, err := u.Update(context.Background(), unSource(srv.URL))
			wantRejected(t, u, err, ReasonTooLarge, kept)
			if !chunked && !strings.Contains(err.Error(), "Content-Length") {
				t.Errorf("error %q: the announced length alone should refuse the file", err)
			}
		})
	}
}

func TestUpdateRejectsShortBody(t *testing.T) {
	u := newTestUpdater(t)
	kept := seed(t, u)
	content := readUN(t)
	srv, count := serve(t, func(w http.ResponseWriter, r *http.Request, _ int) {
		w.Header().Set("Content-Length", strconv.Itoa(len(content)))
		w.Write(content[:len(content)/2]) // the connection closes early
	})
	_, err := u.Update(context.Background(), unSource(srv.URL))
	wantRejected(t, u, err, ReasonTruncated, kept)
	if count.Load() != int32(u.Attempts) {
		t.Errorf("%d requests, want %d: a cut transfer is worth retrying", count.Load(), u.Attempts)
	}
}

func TestUpdateRejectsFileCutShort(t *testing.T) {
	u := newTestUpdater(t)
	kept := seed(t, u)
	content := readUN(t)
	srv, _ := serve(t, serveBytes(content[:len(content)*2/3])) // served whole, but the file itself is cut
	_, err := u.Update(context.Background(), unSource(srv.URL))
	wantRejected(t, u, err, ReasonTruncated, kept)
}

func TestUpdateRejectsUnparseableFile(t *testing.T) {
	u := newTestUpdater(t)
	kept := seed(t, u)
	content := strings.Replace(string(readUN(t)), "<INDIVIDUAL>", "<INDIVIDUAL><<", 1)
	srv, _ := serve(t, serveBytes([]byte(content)))
	_, err := u.Update(context.Background(), unSource(srv.URL))
	wantRejected(t, u, err, ReasonParse, kept)
}

func TestUpdateRejectsShrink(t *testing.T) {
	u := newTestUpdater(t)
	kept := seed(t, u)
	smaller, dropped := dropRecords(readUN(t), 5) // 20%
	srv, _ := serve(t, serveBytes(smaller))
	_, err := u.Update(context.Background(), unSource(srv.URL))
	wantRejected(t, u, err, ReasonShrink, kept)
	if want := strconv.Itoa(unEntities - dropped); !strings.Contains(err.Error(), want) {
		t.Errorf("error %q does not give the new count %s", err, want)
	}
	u.MaxShrink = 0.25 // the operator accepts it
	if _, err := u.Update(context.Background(), unSource(srv.URL)); err != nil {
		t.Errorf("with --max-shrink 0.25: %v", err)
	}
}

func TestUpdateRejectsEmptyList(t *testing.T) {
	u := newTestUpdater(t)
	empty, _ := dropRecords(readUN(t), 1)
	srv, _ := serve(t, serveBytes(empty))
	_, err := u.Update(context.Background(), unSource(srv.URL))
	var rej *RejectedError
	if !errors.As(err, &rej) || (rej.Reason != ReasonEmpty && rej.Reason != ReasonParse) {
		t.Fatalf("err = %v, want rejected as empty", err)
	}
	wantRejected(t, u, err, rej.Reason, "")
}

// OFAC's four files (of the real non-SDN list): a server answering 304 for some of them gives
// a version made of the new files and the stored ones.
func TestUpdateMultiFilePartlyNotModified(t *testing.T) {
	u := newTestUpdater(t)
	src, _ := SourceFor(corridor.ListOFACNonSDN)
	files := map[string][]byte{}
	for _, name := range src.FileNames() {
		content, err := os.ReadFile("ofac/testdata/" + name)
		if err != nil {
			t.Fatal(err)
		}
		files[name] = content
	}
	var round atomic.Int32
	round.Store(1)
	srv, _ := serve(t, func(w http.ResponseWriter, r *http.Request, _ int) {
		name := strings.TrimPrefix(r.URL.Path, "/ofac/")
		if round.Load() == 2 && name != "cons_prim.csv" && r.Header.Get("If-None-Match") == `"`+name+`"` {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		content := files[name]
		if round.Load() == 2 && name == "cons_prim.csv" {
			content = []byte(strings.Replace(string(content), `"NS-PLC"`, `"NS-PLC] [SDGT"`, 1))
		}
		w.Header().Set("ETag", `"`+name+`"`)
		w.Write(content)
	})
	src, err := src.WithURL("", srv.URL+"/ofac/")
	if err != nil {
		t.Fatal(err)
	}
	first, err := u.Update(context.Background(), src)
	if err != nil {
		t.Fatal(err)
	}
	if first.Version.Entities != 442 {
		t.Errorf("%d non-SDN entities, want 442", first.Version.Entities)
	}
	round.Store(2)
	second, err := u.Update(context.Background(), src)
	if err != nil {
		t.Fatal(err)
	}
	if second.Unchanged || second.Changes == nil || *second.Changes != (Summary{Changed: 1}) {
		t.Fatalf("second update = %+v, changes %+v", second, second.Changes)
	}
	v, stored, err := u.Store.Open(corridor.ListOFACNonSDN, second.Version.Hash)
	if err != nil {
		t.Fatal(err)
	}
	if string(stored["cons_alt.csv"]) != string(files["cons_alt.csv"]) || len(v.Files) != 4 || v.Files[1].ETag != `"cons_alt.csv"` {
		t.Errorf("stored version lacks the not-modified files: %+v", v.Files)
	}
}

func TestUpdateNeedsURL(t *testing.T) {
	u := newTestUpdater(t)
	src, _ := SourceFor(corridor.CustomList("staff"))
	if _, err := u.Update(context.Background(), src); err == nil || !strings.Contains(err.Error(), "no URL") {
		t.Errorf("custom list without URL: %v", err)
	}
}

func TestUpdateAllContinuesAfterFailure(t *testing.T) {
	u := newTestUpdater(t)
	good, _ := serve(t, serveBytes(readUN(t)))
	bad, _ := serve(t, func(w http.ResponseWriter, r *http.Request, _ int) { http.NotFound(w, r) })
	sdn, _ := SourceFor(corridor.ListOFACSDN)
	sdn, _ = sdn.WithURL("", bad.URL+"/")
	results, err := u.UpdateAll(context.Background(), []Source{sdn, unSource(good.URL)})
	if err == nil || !strings.Contains(err.Error(), "us_ofac_sdn") || len(results) != 1 || results[0].List != corridor.ListUN {
		t.Errorf("results %+v, err %v", results, err)
	}
}

// An institution's own list can live on a file share: file:// URLs read local files.
func TestUpdateFromFileURL(t *testing.T) {
	u := newTestUpdater(t)
	path, err := filepath.Abs("custom/testdata/example.csv")
	if err != nil {
		t.Fatal(err)
	}
	src, _ := SourceFor(corridor.CustomList("example"))
	src, _ = src.WithURL("", "file://"+path)
	res, err := u.Update(context.Background(), src)
	if err != nil {
		t.Fatal(err)
	}
	if res.Version.Entities != 9 || res.Version.Source != "file://"+path {
		t.Errorf("version %+v", res.Version)
	}
	src, _ = src.WithURL("", "file://"+path+".missing")
	if _, err := u.Update(context.Background(), src); err == nil {
		t.Error("missing file: no error")
	}
}

func TestUpdateRefusesRedirectToFile(t *testing.T) {
	u := newTestUpdater(t)
	srv, _ := serve(t, func(w http.ResponseWriter, r *http.Request, _ int) {
		http.Redirect(w, r, "file:///etc/hostname", http.StatusFound)
	})
	_, err := u.Update(context.Background(), unSource(srv.URL))
	wantRejected(t, u, err, ReasonDownload, "")
	if !strings.Contains(err.Error(), "redirect") {
		t.Errorf("error %q does not mention the redirect", err)
	}
}

func TestUpdaterSettingsChecked(t *testing.T) {
	for _, change := range []func(*Updater){
		func(u *Updater) { u.MaxShrink = -0.1 },
		func(u *Updater) { u.MaxShrink = 1.5 },
		func(u *Updater) { u.MaxFileSize = 0 },
		func(u *Updater) { u.Attempts = 0 },
		func(u *Updater) { u.Store = nil },
	} {
		u := newTestUpdater(t)
		change(u)
		if _, err := u.Update(context.Background(), unSource("http://127.0.0.1:1/")); err == nil || !strings.Contains(err.Error(), "updater:") {
			t.Errorf("bad setting accepted: %v", err)
		}
	}
}

// Validators belong to the URL that served them: after a switch to another mirror the
// request is unconditional, or the new server could answer 304 for a file it never served.
func TestUpdateNoConditionalRequestToAnotherURL(t *testing.T) {
	u := newTestUpdater(t)
	first, _ := serve(t, func(w http.ResponseWriter, r *http.Request, _ int) {
		w.Header().Set("ETag", `"x"`)
		w.Write(readUN(t))
	})
	if _, err := u.Update(context.Background(), unSource(first.URL)); err != nil {
		t.Fatal(err)
	}
	smaller, dropped := dropRecords(readUN(t), 20)
	var conditional atomic.Bool
	second, _ := serve(t, func(w http.ResponseWriter, r *http.Request, _ int) {
		if r.Header.Get("If-None-Match") != "" || r.Header.Get("If-Modified-Since") != "" {
			conditional.Store(true)
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Write(smaller)
	})
	res, err := u.Update(context.Background(), unSource(second.URL))
	if err != nil || conditional.Load() || res.Unchanged || res.Version.Entities != unEntities-dropped {
		t.Errorf("update from another URL: %+v, %v, conditional %v", res, err, conditional.Load())
	}
}
