package db.compute;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Each server's vCPUs and memory as columns, so a project's usage is one SUM instead of parsing every
 * server's flavor on every create. Existing rows are filled from their stored flavor.
 */
public class V5__Server_sizes extends BaseJavaMigration {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    public void migrate(Context context) throws Exception {
        try (Statement ddl = context.getConnection().createStatement()) {
            ddl.execute("ALTER TABLE servers ADD COLUMN vcpus INT NOT NULL DEFAULT 0");
            ddl.execute("ALTER TABLE servers ADD COLUMN memory_mb INT NOT NULL DEFAULT 0");
            ddl.execute("CREATE INDEX ix_servers_usage ON servers (project_id, deleted, vcpus, memory_mb)");
        }
        try (Statement select = context.getConnection().createStatement();
                ResultSet rows = select.executeQuery("SELECT id, flavor FROM servers");
                PreparedStatement update = context.getConnection().prepareStatement(
                        "UPDATE servers SET vcpus = ?, memory_mb = ? WHERE id = ?")) {
            while (rows.next()) {
                JsonNode flavor = JSON.readTree(rows.getString("flavor"));
                update.setInt(1, flavor.path("vcpus").asInt(0));
                update.setInt(2, flavor.path("ramMb").asInt(0));
                update.setString(3, rows.getString("id"));
                update.executeUpdate();
            }
        }
    }
}
