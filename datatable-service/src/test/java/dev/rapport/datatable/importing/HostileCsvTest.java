package dev.rapport.datatable.importing;

import static dev.rapport.datatable.Api.TABLES;
import static dev.rapport.datatable.Api.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import dev.rapport.datatable.Api;
import dev.rapport.testkit.RapportInfraResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** Hostile or broken CSV files: each is refused (the job, or its line, naming why) and the table stays as it was. */
@QuarkusTest
@WithTestResource(value = RapportInfraResource.class, initArgs = @ResourceArg(name = "database", value = "datatable"))
class HostileCsvTest {
    private static final String ROWS = TABLES + "/{id}/rows";

    /**
     * A file and what becomes of it: {@code jobError} a text of the failed job's errorInformation, or, for a job that
     * succeeds, the {@code field} (null: none) and a text of the reason of its one failed line.
     */
    record Hostile(String name, byte[] csv, String jobError, String field, String reason) {
        static Hostile failsJob(String name, String csv, String error) {
            return new Hostile(name, csv.getBytes(StandardCharsets.UTF_8), error, null, null);
        }

        static Hostile failsLine(String name, String csv, String field, String reason) {
            return new Hostile(name, csv.getBytes(StandardCharsets.UTF_8), null, field, reason);
        }
    }

    @Test
    void hostileFilesWriteNothingAndSayWhy() {
        String id = Api.createSampleTable(Api.uniqueName("HostileCsv"));
        asAdmin().body("{\"key\": \"k\", \"myInt\": 1, \"myText\": \"kept\"}").post(ROWS, id).then().statusCode(200);
        String before = listing(id);
        List<Hostile> corpus = List.of(
                Hostile.failsLine("dot key", "key,myText\n.,x\n", "key", "."),
                Hostile.failsLine("dot-dot key", "key,myText\n..,x\n", "key", ".."),
                Hostile.failsLine("slash key", "key,myText\na/b,x\n", "key", "/"),
                Hostile.failsLine("NUL in a value", "key,myText\nx,a\u0000b\n", "myText", "U+0000"),
                Hostile.failsLine("NUL in a key", "key,myText\nx\u0000,a\n", "key", "U+0000"),
                Hostile.failsLine("long value", "key,myText\nx," + "v".repeat(65_537) + "\n", "myText", "65536"),
                Hostile.failsLine("row over max-row-bytes", "key,myText\nx," + "\u00e9".repeat(65_000) + "\n", null,
                        "max-row-bytes"),
                Hostile.failsLine("too many cells", "key,myText\nx,y,z\n", null, "3 values"),
                Hostile.failsLine("huge integer", "key,myInt\nx,99999999999999999999\n", "myInt", "integer"),
                Hostile.failsLine("infinite number", "key,myDec\nx,1e400\n", "myDec", "number"),
                Hostile.failsLine("NaN", "key,myDec\nx,NaN\n", "myDec", "number"),
                Hostile.failsLine("boolean yes", "key,myBool\nx,yes\n", "myBool", "boolean"),
                Hostile.failsJob("key twice", "KEY,ANI\nx,y\n", "key twice"),
                Hostile.failsJob("field twice", "key,myText,myText\nx,a,b\n", "twice"),
                Hostile.failsJob("formula header", "key,=cmd|' /C calc'!A0\nx,1\n", "not a field"),
                Hostile.failsJob("no key column", "myText\nx\n", "no key column"),
                Hostile.failsJob("unterminated quote", "key,myText\nx,\"abc\n", ""),
                new Hostile("invalid UTF-8", bytes("key,myText\nx,fine\ny,caf", 0xE9, "\n"), "not valid UTF-8", null,
                        null),
                new Hostile("overlong UTF-8 slash", bytes("key,myText\nx,a", 0xC0, 0xAF, "b\n"), "not valid UTF-8",
                        null, null),
                new Hostile("UTF-8 surrogate", bytes("key,myText\nx,", 0xED, 0xA0, 0x80, "\n"), "not valid UTF-8",
                        null, null),
                new Hostile("truncated UTF-8", bytes("key,myText\nx,", 0xE2, 0x82), "not valid UTF-8", null, null));
        SoftAssertions soft = new SoftAssertions();
        for (Hostile h : corpus) {
            for (boolean dryRun : List.of(true, false)) {
                JsonPath job = runImport(id, dryRun, h.csv());
                String what = h.name() + (dryRun ? " (dry run)" : "");
                if (h.jobError() != null) {
                    soft.assertThat(job.getString("status")).as(what).isEqualTo("Failed");
                    soft.assertThat(job.getString("errorInformation.message")).as(what).contains(h.jobError());
                } else {
                    soft.assertThat(job.getString("status")).as(what).isEqualTo("Succeeded");
                    soft.assertThat(job.getLong("countRecordsFailed")).as(what).isEqualTo(1);
                    soft.assertThat(job.getString("failures[0].field")).as(what).isEqualTo(h.field());
                    soft.assertThat(job.getString("failures[0].reason")).as(what).contains(h.reason());
                }
            }
        }
        soft.assertAll();
        assertThat(listing(id)).isEqualTo(before);
    }

    @Test
    void invalidUtf8IsReportedWithItsLineAndNothingOfTheFileIsWritten() {
        String id = Api.createSampleTable(Api.uniqueName("Latin1"));
        byte[] csv = bytes("key,myText\nok1,fine\nok2,fine\nbad,caf", 0xE9, "\nok3,fine\n");
        for (boolean dryRun : List.of(true, false)) {
            JsonPath job = runImport(id, dryRun, csv);
            assertThat(job.getString("status")).isEqualTo("Failed");
            assertThat(job.getString("errorInformation.message")).containsIgnoringCase("line 4").contains("not valid UTF-8");
            assertThat(job.getLong("failures[0].line")).isEqualTo(4);
            assertThat(job.getString("failures[0].reason")).contains("not valid UTF-8");
        }
        asAdmin().get(ROWS, id).then().body("total", org.hamcrest.Matchers.equalTo(0));
    }

    @Test
    void exportNeutralisesFormulasAndReadsBackUnchanged() throws Exception {
        String id = Api.createSampleTable(Api.uniqueName("Formulas"));
        List<String> texts = List.of("=1+1", "+1", "-1+1", "@SUM(A1)", "\tx", "\rx", "-12", "-1.5", "'=x", "''+y",
                "'plain", "-", "=HYPERLINK(\"http://evil\")", "plain");
        for (int i = 0; i < texts.size(); i++) {
            asAdmin().body(Map.of("key", "r" + (char) ('a' + i), "myText", texts.get(i), "myInt", -5))
                    .post(ROWS, id).then().statusCode(200);
        }
        asAdmin().body(Map.of("key", "=k", "myText", "x")).post(ROWS, id).then().statusCode(200);
        String download = asAdmin().post(TABLES + "/{id}/export/jobs", id).then().statusCode(200)
                .extract().path("downloadURI");
        byte[] csv = asAdmin().get(download).then().statusCode(200).extract().asByteArray();
        Map<String, List<String>> byKey = new java.util.HashMap<>();
        try (MappingIterator<List<String>> it = new CsvMapper().readerForListOf(String.class)
                .with(CsvParser.Feature.WRAP_AS_ARRAY).readValues(csv)) {
            it.next(); // header
            it.forEachRemaining(cells -> byKey.put(cells.get(0), cells));
        }
        List<String> expected = List.of("'=1+1", "'+1", "'-1+1", "'@SUM(A1)", "'\tx", "'\rx", "-12", "-1.5", "''=x",
                "'''+y", "'plain", "'-", "'=HYPERLINK(\"http://evil\")", "plain");
        for (int i = 0; i < texts.size(); i++) {
            List<String> cells = byKey.get("r" + (char) ('a' + i));
            assertThat(cells.get(4)).as(texts.get(i)).isEqualTo(expected.get(i));
            assertThat(cells.get(1)).isEqualTo("-5");
        }
        assertThat(byKey).containsKey("'=k");

        String copy = Api.createSampleTable(Api.uniqueName("FormulasCopy"));
        JsonPath job = runImport(copy, false, csv);
        assertThat(job.getLong("countRecordsAdded")).isEqualTo(texts.size() + 1);
        for (int i = 0; i < texts.size(); i++) {
            asAdmin().queryParam("showbrief", false).get(ROWS + "/{key}", copy, "r" + (char) ('a' + i)).then()
                    .statusCode(200).body("myText", org.hamcrest.Matchers.equalTo(texts.get(i)))
                    .body("myInt", org.hamcrest.Matchers.equalTo(-5));
        }
        asAdmin().queryParam("showbrief", false).get(ROWS + "/{key}", copy, "=k").then().statusCode(200);
    }

    private static byte[] bytes(Object... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object p : parts) {
            if (p instanceof String s) {
                out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
            } else {
                out.write((Integer) p);
            }
        }
        return out.toByteArray();
    }

    private static String listing(String id) {
        return asAdmin().queryParam("showbrief", false).get(ROWS, id).then().statusCode(200).extract().asString()
                .replaceAll("\"selfUri\":\"[^\"]*\"", "");
    }

    private static JsonPath runImport(String tableId, boolean dryRun, byte[] csv) {
        JsonPath created = asAdmin().body(Map.of("importMode", "Append", "dryRun", dryRun))
                .post(TABLES + "/{id}/import/csv/jobs", tableId).then().statusCode(200).extract().jsonPath();
        asAdmin().contentType("text/csv").body(csv).put(created.getString("uploadURI")).then().statusCode(202);
        String jobUri = created.getString("selfUri");
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() ->
                List.of("Succeeded", "Failed").contains(asAdmin().get(jobUri).then().extract().path("status")));
        return asAdmin().get(jobUri).then().extract().jsonPath();
    }
}
