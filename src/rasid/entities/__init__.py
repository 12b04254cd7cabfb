"""Named entities: a CRF tagger trained here and shipped, a gazetteer, institution
patterns and linking (canonical names, ids, coordinates)."""
