package http

import (
	"errors"
	"io"
	"net/http"

	"github.com/corridor-aml/corridor/payment/anyformat"
	"github.com/corridor-aml/corridor/policy"
	"github.com/corridor-aml/corridor/screen"
)

// handlePayments screens every payment of a message (ISO 20022, MT103 or the JSON form, told
// from the content) and decides each: release, review or block, with the evidence.
func (s *Server) handlePayments(w http.ResponseWriter, r *http.Request) error {
	limit := s.opt.Limits.MaxPaymentBytes
	data, err := io.ReadAll(http.MaxBytesReader(w, r.Body, limit))
	var mbe *http.MaxBytesError
	switch {
	case errors.As(err, &mbe):
		return &apiError{Status: http.StatusRequestEntityTooLarge, Code: codeBodyTooLarge,
			Message: "request body larger than " + byteSize(limit)}
	case err != nil:
		return badRequest(codeBadPayment, "", "reading the body: %v", err)
	case len(data) == 0:
		return badRequest(codeEmptyBody, "", "empty request body: want a payment message (ISO 20022 XML, MT103 or corridor's JSON form)")
	}
	payments, err := anyformat.Read(data, "body")
	if err != nil {
		return badRequest(codeBadPayment, "", "%v", err)
	}
	pack := s.opt.Pack
	if pack == nil {
		if pack, err = policy.Bundled(); err != nil {
			return err
		}
	}
	review := s.opt.ReviewThreshold
	if review <= 0 {
		review = policy.DefaultReviewThreshold
	}
	sc := screen.NewScreener(s.current(), screen.Options{})
	decision := policy.DecideAll(sc, pack, payments, policy.Options{Today: s.opt.Now()}, review)
	writeJSON(w, http.StatusOK, decision)
	return nil
}
