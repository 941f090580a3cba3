// Package uk reads the UK Sanctions List that the Foreign, Commonwealth & Development Office
// publishes as XML (UK-Sanctions-List.xml, schema SanctionsListSchema 4.x) into corridor's
// entity model. docs/lists.md says how each element maps.
package uk
