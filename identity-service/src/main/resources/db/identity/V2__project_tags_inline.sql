-- Project tags move into the project row (comma-separated; Keystone forbids commas in tags), so that
-- loading a project is one query instead of two.
ALTER TABLE projects ADD COLUMN tags TEXT NULL;
UPDATE projects SET tags = (SELECT GROUP_CONCAT(t.tag ORDER BY t.tag SEPARATOR ',') FROM project_tags t
                            WHERE t.project_id = projects.id);
DROP TABLE project_tags;
