package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"

	"github.com/spf13/cobra"

	"github.com/corridor-aml/corridor"
)

func newAuditCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "audit",
		Short: "Verify, export and prune the audit trail",
		Long: `The audit trail records every screen, alert, decision and list version loaded.
Each record carries the SHA-256 of the record before it, so that editing, deleting or
reordering a record breaks the chain; docs/audit.md describes the encoding. Payloads
older than the retention period can be removed (prune) while the chain still verifies.`,
		Example: `  corridor audit verify
  corridor audit export --since 1 -o audit.jsonl
  corridor audit verify --store postgres://corridor@db.internal/corridor
  corridor audit prune --retain 10y`,
		Args: cobra.NoArgs,
	}
	addStoreFlag(cmd)
	cmd.AddCommand(newAuditVerifyCmd(), newAuditExportCmd(), newAuditPruneCmd())
	return cmd
}

func newAuditVerifyCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "verify",
		Short: "Check the hash chain; exit 1 naming the first bad record",
		Long: `Recompute every record's hash and check each link of the chain. Exits 0 when it
holds, 1 when it does not (naming the first bad record: edited, missing, broken-link,
truncated or unrecorded-prune) and 2 on error. Records whose payload a prune removed
(corridor audit prune) verify by their payload hash, and are counted. Note the head
hash it prints somewhere else: a chain rewritten from some record to its end verifies,
but no longer ends in that hash.`,
		Example: `  corridor audit verify
  corridor audit verify --store postgres://corridor@db:5432/corridor`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			s, _, err := openStoreAs(cmd, true, corridor.AccessAdmin)
			if err != nil {
				return err
			}
			defer s.Close()
			rep, err := s.VerifyAudit(cmd.Context())
			if err != nil {
				return err
			}
			out := cmd.OutOrStdout()
			if rep.Fault != nil {
				fmt.Fprintf(out, "audit trail broken at record %d: %s: %s\n", rep.Fault.Seq, rep.Fault.Kind, rep.Fault.Detail)
				fmt.Fprintf(out, "(%d records read; the head says %d)\n", rep.Records, rep.HeadSeq)
				return errAlert
			}
			fmt.Fprintf(out, "audit trail verified: %d records, head %d sha256:%s\n", rep.Records, rep.HeadSeq, rep.HeadHash)
			if rep.Pruned > 0 {
				fmt.Fprintf(out, "%d of them pruned: their payloads were removed under the retention period, their hashes kept\n", rep.Pruned)
			}
			return nil
		},
	}
}

func newAuditExportCmd() *cobra.Command {
	var since int64
	var output string
	cmd := &cobra.Command{
		Use:   "export",
		Short: "Write the audit trail as JSON lines",
		Long: `Write audit records as JSON lines, one record per line, in sequence order: seq,
time, actor, action, subject, payload (the exact bytes hashed, as a JSON string; for a
record pruned under the retention period, no payload but "pruned": true),
payload_sha256, prev_sha256 and sha256. docs/audit.md shows how to check them by hand.`,
		Example: `  corridor audit export -o audit.jsonl
  corridor audit export --since 1200 > audit-from-1200.jsonl`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if since < 1 {
				return fmt.Errorf("--since %d: want a sequence number of 1 or more", since)
			}
			s, _, err := openStoreAs(cmd, true, corridor.AccessAdmin)
			if err != nil {
				return err
			}
			defer s.Close()
			var w io.Writer = cmd.OutOrStdout()
			var f *os.File
			if output != "" && output != "-" {
				if f, err = os.Create(output); err != nil {
					return err
				}
				defer f.Close()
				w = f
			}
			bw := bufio.NewWriter(w)
			enc := json.NewEncoder(bw)
			n := 0
			err = s.AuditRecords(cmd.Context(), since, func(r corridor.AuditRecord) error {
				n++
				return enc.Encode(r)
			})
			if err == nil {
				err = bw.Flush()
			}
			if err == nil && f != nil {
				err = f.Close()
			}
			if err != nil {
				if f != nil {
					os.Remove(output) // a partial export would pass for a whole one
				}
				return fmt.Errorf("audit export: %w", err)
			}
			if f != nil {
				fmt.Fprintf(cmd.ErrOrStderr(), "%d records written to %s\n", n, output)
			}
			return nil
		},
	}
	cmd.Flags().Int64Var(&since, "since", 1, "first sequence number to export")
	cmd.Flags().StringVarP(&output, "output", "o", "", "file to write (default: standard output)")
	return cmd
}
