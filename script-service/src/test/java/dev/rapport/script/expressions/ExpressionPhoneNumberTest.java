package dev.rapport.script.expressions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** e164, subscriberNumber and dialingCode: what an IVR sends as ANI, normalised for routing and lookups. */
class ExpressionPhoneNumberTest {
    private static final Map<String, Object> VARS = new HashMap<>();

    static {
        VARS.put("Ani", "tel:+17204276664");
        VARS.put("Number", 7204276664.0);
        VARS.put("No Value", null);
        VARS.put("Spaces", " ".repeat(60));
    }

    private static Object eval(String source) {
        return Expression.parse(source).evaluate(VARS);
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiterString = "=>", quoteCharacter = '`', value = {
            "e164({{Ani}}) => +17204276664", "e164('tel:+1 (720) 427-6664') => +17204276664",
            "e164('TEL: +1-720-427-6664') => +17204276664", "e164('tel:+1-720-427-6664;ext=123') => +17204276664",
            "e164('sip:+17204276664@10.0.0.1;user=phone') => +17204276664", "e164('+1.720.427.6664') => +17204276664",
            "e164('  +1 720 427 6664  ') => +17204276664", "e164('001 720 427 6664') => +17204276664",
            "e164('(720) 427-6664', '1') => +17204276664", "e164('720.427.6664', 1) => +17204276664",
            "e164('1-720-427-6664', '+1') => +17204276664", "e164({{Number}}, '1') => +17204276664",
            "e164('+17204276664', '44') => +17204276664", "e164('0044 20 7946 0018') => +442079460018",
            "e164('+44 (20) 7946-0018') => +442079460018", "e164('20 7946 0018', '44') => +442079460018",
            "e164('+353 1 234 5678') => +35312345678", "e164('+7 495 123-45-67') => +74951234567",
            "e164('+44 1234 567890123') => +441234567890123",
            "subscriberNumber('tel:+1 (720) 427-6664') => 7204276664", "subscriberNumber('7204276664', '1') => 7204276664",
            "subscriberNumber('+442079460018') => 2079460018", "subscriberNumber('+35312345678') => 12345678",
            "dialingCode({{Ani}}) => 1", "dialingCode('+442079460018') => 44", "dialingCode('+35312345678') => 353",
            "dialingCode('+74951234567') => 7", "dialingCode('2079460018', '+44') => 44"})
    void normalises(String source, String expected) {
        assertThat(eval(source)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} is not a phone number")
    @ValueSource(strings = {"e164('7204276664')", "e164('anonymous')", "e164('sip:anonymous@example.com')",
            "e164('')", "e164('tel:')", "e164('+')", "e164('++17204276664')", "e164('+1 720 427 666')",
            "e164('+1 720 427 66645')", "e164('1-800-FLOWERS', '1')", "e164('+0 123 4567')",
            "e164('+1234567890123456')", "e164('+44 1234 5678901234')", "e164('+44 123')", "e164('720-427-6664 x12', '1')", "e164('7+204276664', '1')",
            "e164('\u0667\u0662\u0660\u0664\u0662\u0667\u0666\u0666\u0666\u0664', '1')", "e164({{No Value}})",
            "e164({{No Value}}, '1')", "e164('7204276664', {{No Value}})", "e164('7204276664', '')",
            "e164(concat('+1', {{Spaces}}, '7204276664'))", "subscriberNumber('anonymous')", "dialingCode('')"})
    void whatIsNotAPhoneNumberIsNotSet(String source) {
        assertThat(eval(source)).isNull();
        assertThat(eval("isSet(" + source + ")")).isEqualTo(false);
    }

    @Test
    void anIvrAniBecomesTheWorkshopsLookupKey() {
        // IVRs send tel: URIs; the workshop's table keeps numbers plain, without a country code
        Map<String, Object> call = Map.of("Call.Ani", "tel:+1 (720) 427-6664");
        assertThat(Expression.parse("e164({{Call.Ani}})").evaluate(call)).isEqualTo("+17204276664");
        assertThat(Expression.parse("subscriberNumber({{Call.Ani}}, '1')").evaluate(call)).isEqualTo("7204276664");
        assertThat(Expression.parse("subscriberNumber({{Key}}, '1')").evaluate(Map.of("Key", "7204276664")))
                .isEqualTo("7204276664");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = "=>", quoteCharacter = '`', value = {
            "e164() => Wrong number of arguments in function e164",
            "e164('1', '1', '1') => Wrong number of arguments in function e164",
            "e164('7204276664', '0044') => `function e164: the default dialing code \"0044\" is not 1 to 3 digits`",
            "subscriberNumber('1', 'US') => function subscriberNumber: the default dialing code",
            "dialingCode('1', 1234) => function dialingCode: the default dialing code 1234",
            "e164('1', '4 4') => function e164: the default dialing code"})
    void aWrongDefaultDialingCodeIsAnError(String source, String message) {
        assertThatThrownBy(() -> eval(source)).isInstanceOf(ExpressionException.class).hasMessageContaining(message);
    }
}
