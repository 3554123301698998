package dev.rapport.contract;

/** The roles a Rapport token carries in its {@code groups} claim; every endpoint names the roles it admits. */
public final class Roles {
    /** Builds tables, actions, scripts and flows. */
    public static final String ADMIN = "admin";
    /** Sees every interaction and its timeline. */
    public static final String SUPERVISOR = "supervisor";
    /** Sees and works the interactions assigned to them. */
    public static final String AGENT = "agent";
    /** A system that reports calls: posts interaction events. */
    public static final String IVR = "ivr";
    /** A Rapport service calling another one's API as itself (action-service running a data action). */
    public static final String SERVICE = "service";

    private Roles() {
    }
}
