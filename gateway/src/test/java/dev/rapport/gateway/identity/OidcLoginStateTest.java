package dev.rapport.gateway.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** The sign-in's cookie: only what this gateway (or a replica with the same signing key) sealed, and only for 10 minutes. */
class OidcLoginStateTest {
    private static final byte[] KEY = "a key derived from the signing key".getBytes(StandardCharsets.US_ASCII);

    @Test
    void whatWasSealedOpensWithTheSameKey() {
        OidcLoginState login = OidcLoginState.fresh();
        assertThat(OidcLoginState.open(login.seal(KEY), KEY)).contains(login);
        assertThat(login.state()).isNotEqualTo(login.nonce()).isNotEqualTo(login.verifier());
        assertThat(login.verifier()).hasSize(43); // 32 random bytes, within RFC 7636's 43..128 characters
    }

    @Test
    void aChangedOrForeignOrOldCookieOpensNothing() {
        OidcLoginState login = OidcLoginState.fresh();
        String sealed = login.seal(KEY);
        String planted = "attackers-state." + sealed.substring(sealed.indexOf('.') + 1);
        assertThat(OidcLoginState.open(planted, KEY)).isEmpty();
        assertThat(OidcLoginState.open(sealed, "another key".getBytes(StandardCharsets.US_ASCII))).isEmpty();
        OidcLoginState old = new OidcLoginState("s", "n", "v", Instant.now().minus(OidcLoginState.LIFETIME).minusSeconds(1));
        assertThat(OidcLoginState.open(old.seal(KEY), KEY)).isEmpty();
        assertThat(OidcLoginState.open(null, KEY)).isEmpty();
        assertThat(OidcLoginState.open("no-dots", KEY)).isEmpty();
    }

    @Test
    void theChallengeIsS256OfTheVerifier() throws Exception {
        OidcLoginState login = OidcLoginState.fresh();
        String expected = Base64.getUrlEncoder().withoutPadding().encodeToString(MessageDigest.getInstance("SHA-256")
                .digest(login.verifier().getBytes(StandardCharsets.US_ASCII)));
        assertThat(login.challenge()).isEqualTo(expected);
    }
}
