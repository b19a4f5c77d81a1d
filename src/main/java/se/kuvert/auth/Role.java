package se.kuvert.auth;

/** Who a session belongs to. Admins may do everything presenters may. */
public enum Role {
    PRESENTER, ADMIN
}
