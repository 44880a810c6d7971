-- When the residual scan has run on a source: a run killed during the scan resumes it.
ALTER TABLE sources ADD COLUMN residual_at TEXT;
-- Sources anonymised before this column existed had their scan in the same run.
UPDATE sources SET residual_at = anonymised_at WHERE anonymised_at IS NOT NULL;
