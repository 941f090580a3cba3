// Package ofac reads OFAC's SDN list and consolidated non-SDN list in OFAC's "legacy" CSV
// form: four headerless files joined on their first column, ent_num.
//
//	sdn.csv / cons_prim.csv          ent_num, name, type, programs, title, call sign,
//	                                 vessel type, tonnage, GRT, vessel flag, vessel owner, remarks
//	alt.csv / cons_alt.csv           ent_num, alt_num, alt_type, alt_name, alt_remarks
//	add.csv / cons_add.csv           ent_num, add_num, address, city/state/postal, country, add_remarks
//	sdn_comments.csv / cons_comments ent_num, remarks continued
//
// "-0-" (with or without a trailing space) means empty. Files end with CR LF and, as OFAC
// serves them, a 0x1A (DOS end-of-file) byte. A file that is valid UTF-8 (OFAC's are ASCII)
// is read as such; any other file is decoded as Windows-1252, the code page OFAC's older
// exports used. Control characters in a record are an error.
//
// The remarks column is OFAC's semi-structured text ("DOB 1977; alt. DOB 1978; POB ...;
// nationality ...; Passport ... (Country); a.k.a. 'X'; Linked To: NAME."). Parse maps what it
// recognises into the entity model and always keeps the whole text in Entity.Remarks, so
// nothing it does not understand is lost. Aliases written in the remarks in single quotes are
// OFAC's weak a.k.a.s (OFAC FAQ 123) and are marked Weak.
package ofac
