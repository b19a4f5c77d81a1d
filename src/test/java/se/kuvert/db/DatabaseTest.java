package se.kuvert.db;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class DatabaseTest {
    @TempDir
    Path data;

    private static int count(Database db, String sql) {
        return db.read(c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }

    @Test
    void a_new_data_folder_gets_every_migration_once_and_a_reopen_keeps_the_data() {
        Database db = new Database(data);
        assertEquals(Database.MIGRATIONS.size(), count(db, "SELECT COUNT(*) FROM schema_version"));
        db.inTransaction(c -> c.createStatement().executeUpdate("INSERT INTO app_meta (key, value) VALUES ('k', 'v')"));
        Database again = new Database(data);
        assertEquals(Database.MIGRATIONS.size(), count(again, "SELECT COUNT(*) FROM schema_version"));
        assertEquals(1, count(again, "SELECT COUNT(*) FROM app_meta"));
    }

    @Test
    void a_failing_unit_of_work_stores_none_of_it() {
        Database db = new Database(data);
        assertThrows(Database.DatabaseException.class, () -> db.inTransaction(c -> {
            c.createStatement().executeUpdate("INSERT INTO app_meta (key, value) VALUES ('a', '1')");
            return c.createStatement().executeUpdate("INSERT INTO app_meta (key, value) VALUES ('a', 'duplicate')");
        }));
        assertEquals(0, count(db, "SELECT COUNT(*) FROM app_meta"));
    }
}
