// Package eu reads the European Union's consolidated list of persons, groups and entities
// subject to financial sanctions, in its Financial Sanctions Files XML form (namespace
// http://eu.europa.ec/fpi/fsd/export), into corridor's entity model. docs/lists.md says how
// each element maps.
package eu
