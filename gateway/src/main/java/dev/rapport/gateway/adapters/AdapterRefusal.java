package dev.rapport.gateway.adapters;

/**
 * A request an adapter does not take before reading what it says: the adapter is off (404), or the request does not
 * prove it comes from the platform (401 without the shared secret or with a wrong one, 403 with a Twilio signature
 * that does not match). The message names what to check, never a secret.
 */
public class AdapterRefusal extends RuntimeException {
    private final int status;
    private final String code;

    private AdapterRefusal(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    public static AdapterRefusal off(String platform, String variable) {
        return new AdapterRefusal(404, "not.found", "The " + platform + " adapter is off: set " + variable
                + " (docs/ivr/)");
    }

    public static AdapterRefusal secretMissing(String header) {
        return new AdapterRefusal(401, "authentication.required", "The " + header + " header is required");
    }

    public static AdapterRefusal secretWrong(String header) {
        return new AdapterRefusal(401, "bad.credentials", "The " + header + " header does not hold the secret");
    }

    public static AdapterRefusal signatureInvalid(String message) {
        return new AdapterRefusal(403, "signature.invalid", message);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }
}
