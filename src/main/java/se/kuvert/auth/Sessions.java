package se.kuvert.auth;

import se.kuvert.db.Database;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Login sessions in SQLite, so a phone stays logged in across a server restart. Only a hash of each token is stored.
 * The active sessions are also held in memory, so checking a command's session reads no database: this class is the
 * only writer of the table, and it changes the memory only after the database (a revoked session is refused from the
 * moment {@link #revoke} returns).
 */
public final class Sessions {
    private final Database db;
    private final Map<String, Session> active = new ConcurrentHashMap<>();

    public Sessions(Database db) {
        this.db = db;
        for (Session s : stored()) {
            active.put(s.id(), s);
        }
    }

    public record Session(String id, Role role, String label, Instant createdAt) {
    }

    /** Creates a session and returns its token (the cookie value). */
    public String create(Role role, String label) {
        String token = Credentials.hex(32);
        Session session = new Session(hash(token), role, label, Instant.now());
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO sessions (token_hash, role, label, created_at) VALUES (?, ?, ?, ?)")) {
                ps.setString(1, session.id());
                ps.setString(2, role.name());
                ps.setString(3, label);
                ps.setString(4, session.createdAt().toString());
                return ps.executeUpdate();
            }
        });
        active.put(session.id(), session);
        return token;
    }

    public Optional<Session> find(String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        return Optional.ofNullable(active.get(hash(token)));
    }

    /** True while the session with this id (the token's hash) is logged in. */
    public boolean isActive(String id) {
        return id != null && active.containsKey(id);
    }

    public List<Session> active() {
        return stored();
    }

    private List<Session> stored() {
        return db.read(c -> {
            List<Session> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT token_hash, role, label, created_at FROM sessions WHERE revoked = 0 ORDER BY created_at");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(row(rs));
                }
            }
            return out;
        });
    }

    /** Revokes by session id (the token's hash, which is safe to show in an admin page). */
    public boolean revoke(String id) {
        boolean stored = db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE sessions SET revoked = 1 WHERE token_hash = ?")) {
                ps.setString(1, id);
                return ps.executeUpdate() > 0;
            }
        });
        active.remove(id);
        return stored;
    }

    public void revokeToken(String token) {
        revoke(hash(token));
    }

    private static Session row(ResultSet rs) throws java.sql.SQLException {
        return new Session(rs.getString(1), Role.valueOf(rs.getString(2)), rs.getString(3), Instant.parse(rs.getString(4)));
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
