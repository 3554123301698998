package dev.rapport.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class AttributionTest {

    @Test
    void theHeaderReadsBackWhatWasSentAndNamesTheChange() {
        Attribution sent = new Attribution("alex", "Alex Agent", "Update Case & more = 100%");
        Attribution read = Attribution.parse(sent.headerValue()).orElseThrow();
        assertThat(read).isEqualTo(sent);
        assertThat(sent.headerValue()).isEqualTo("user=alex&name=Alex+Agent&action=Update+Case+%26+more+%3D+100%25");
        assertThat(read.changedBy()).isEqualTo("alex via Update Case & more = 100%");
        assertThat(new Attribution("alex", null, null).changedBy()).isEqualTo("alex");
    }

    @Test
    void controlAndFormattingCharactersAreCleanedAndLengthsBounded() {
        Attribution a = new Attribution(" al\u0000ex\r\nX-Evil: 1 ", "\u202EtnegA\u200B  Alex\t", "é".repeat(300));
        assertThat(a.userId()).isEqualTo("al ex X-Evil: 1");
        assertThat(a.name()).isEqualTo("tnegA Alex");
        assertThat(a.action()).hasSize(Attribution.MAX_ACTION);
        assertThat(a.changedBy()).hasSizeLessThanOrEqualTo(Attribution.MAX_CHANGED_BY).startsWith("al ex X-Evil: 1 via é");
        assertThat(a.headerValue()).doesNotContain("\r", "\n");
        // a surrogate pair is never cut in half, an unpaired one is dropped
        assertThat(Attribution.clean("a".repeat(9) + "😀", 10)).isEqualTo("a".repeat(9));
        assertThat(Attribution.clean("x\uD800y", 10)).isEqualTo("x y");
        assertThat(Attribution.clean("\u0001\u200E ", 10)).isNull();
    }

    @Test
    void aMalformedOverlongOrUserlessHeaderIsNotRead() {
        assertThat(Attribution.parse(null)).isEmpty();
        assertThat(Attribution.parse("name=Alex&action=Update")).isEmpty();
        assertThat(Attribution.parse("user=alex&user=ceo")).isEmpty();
        assertThat(Attribution.parse("user=%E0%A4%A")).isEmpty();
        assertThat(Attribution.parse("user")).isEmpty();
        assertThat(Attribution.parse("user=%00%0A")).isEmpty();
        assertThat(Attribution.parse("user=alex&x=" + "y".repeat(Attribution.MAX_HEADER))).isEmpty();
        assertThat(Attribution.parse("user=alex&extra=ignored")).contains(new Attribution("alex", null, null));
    }

    @Test
    void anActionRequestCarriesItsAgentBoundedByTheSchema() {
        ActionRequest request = new ActionRequest("r1", "i1", "custom_-_1", null, Map.of("a", "b"), 10,
                new OnBehalfOf("alex", "Alex Agent"));
        ActionRequest read = EventSchemas.ACTION_REQUEST.parse(EventJson.write(request), ActionRequest.class);
        assertThat(read).isEqualTo(request);
        assertThat(EventJson.write(new ActionRequest("r1", "i1", "a", null, Map.of(), null)))
                .doesNotContain("onBehalfOf");
        assertThatThrownBy(() -> EventSchemas.ACTION_REQUEST.parse("""
                {"requestId":"r","interactionId":"i","actionId":"a","inputs":{},
                 "onBehalfOf":{"userId":"%s"}}""".formatted("u".repeat(257)), ActionRequest.class))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("/onBehalfOf/userId");
        assertThatThrownBy(() -> EventSchemas.ACTION_REQUEST.parse("""
                {"requestId":"r","interactionId":"i","actionId":"a","inputs":{},"onBehalfOf":{"name":"x"}}""",
                ActionRequest.class)).isInstanceOf(InvalidEventException.class);
    }

    @Test
    void aResultNamesItsActionWithoutLosingWhetherItIsSecure() {
        ActionResult result = new ActionResult("r", "i", "custom_-_1", true, Map.of(), null, 5).secured(true)
                .named("Update Case\n");
        assertThat(result.actionName()).isEqualTo("Update Case");
        assertThat(result.secure()).isTrue();
        assertThat(result.secured(false).actionName()).isEqualTo("Update Case");
        assertThat(EventSchemas.ACTION_RESULT.parse(EventJson.write(result), ActionResult.class)).isEqualTo(result);
    }
}
