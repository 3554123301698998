package dev.rapport.datatable.importing;

import static dev.rapport.datatable.Api.TABLES;
import static dev.rapport.datatable.Api.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import dev.rapport.contract.DataTableChange;
import dev.rapport.contract.EventSchemas;
import dev.rapport.contract.Topics;
import dev.rapport.datatable.Api;
import dev.rapport.testkit.RapportInfraResource;
import dev.rapport.testkit.TopicProbe;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = RapportInfraResource.class, initArgs = @ResourceArg(name = "database", value = "datatable"))
class CsvImportTest {
    private static final String ROWS = TABLES + "/{id}/rows";
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @jakarta.inject.Inject
    io.agroal.api.AgroalDataSource dataSource;

    @jakarta.inject.Inject
    ImportWorkers workers;

    @Test
    void appendAddsAndUpdatesRowsAndABadRecordFailsAlone() {
        String id = tableWithRows("keep", "change");
        String csv = "ANI,myInt,myBool,myDec,myText\r\n"
                + "change,2,true,1.25,\"said \"\"hi\"\", then left\"\r\n"
                + "new1,3,FALSE,,\"two\nlines\"\r\n"
                + "bad,seven,true,1,x\r\n"
                + "new1,4,true,1,duplicate\r\n"
                + ",1,true,1,no key\r\n"
                + "new2,,,,\r\n";
        JsonPath job = runImport(id, "Append", false, withBom(csv));

        assertThat(job.getString("status")).isEqualTo("Succeeded");
        assertThat(job.getLong("countRecordsUpdated")).isEqualTo(3);
        assertThat(job.getLong("countRecordsAdded")).isEqualTo(2);
        assertThat(job.getLong("countRecordsChanged")).isEqualTo(1);
        assertThat(job.getLong("countRecordsFailed")).isEqualTo(3);
        assertThat(job.getLong("countRecordsDeleted")).isZero();
        assertThat(job.getLong("countRecordsProcessed")).isEqualTo(6);
        assertThat(job.getInt("progress.percent")).isEqualTo(100);
        assertThat(job.getList("failures", Map.class)).extracting(f -> f.get("line"), f -> f.get("field"))
                // Record numbers, the header being 1: the value spanning two lines is one record.
                .containsExactly(org.assertj.core.groups.Tuple.tuple(4, "myInt"),
                        org.assertj.core.groups.Tuple.tuple(5, "key"), org.assertj.core.groups.Tuple.tuple(6, "key"));
        assertThat(job.getString("failures[0].reason")).contains("integer").contains("seven");

        full(id, "change").body("myInt", equalTo(2)).body("myBool", equalTo(true)).body("myDec", equalTo(1.25f))
                .body("myText", equalTo("said \"hi\", then left"));
        full(id, "new1").body("myInt", equalTo(3)).body("myText", equalTo("two\nlines")).body("myDec", equalTo(0));
        full(id, "new2").body("myInt", equalTo(0)).body("myText", equalTo(""));
        full(id, "keep").body("myInt", equalTo(1));
        asAdmin().get(ROWS + "/bad", id).then().statusCode(404);
        asAdmin().get(ROWS + "/change/history", id).then().body("entities[0].source", startsWith("import:"))
                .body("entities[0].oldValues.myInt", equalTo(1)).body("entities[0].changedBy", equalTo("ada"));

        List<DataTableChange> events = new TopicProbe(bootstrap).read(Topics.DATATABLE_CHANGES,
                        r -> id.equals(r.key()), 2, Duration.ofSeconds(30), Duration.ZERO).stream()
                .map(r -> EventSchemas.DATATABLE_CHANGE.parse(r.value(), DataTableChange.class)).toList();
        assertThat(events).extracting(DataTableChange::reason).contains("imported");
    }

    @Test
    void replaceAllLeavesExactlyTheFilesValidRowsAndCountsTheDeleted() {
        String id = tableWithRows("a", "b", "c");
        JsonPath job = runImport(id, "ReplaceAll", false, "KEY,myInt\nb,5\nz,6\nc,oops\n".getBytes(StandardCharsets.UTF_8));

        assertThat(job.getString("status")).isEqualTo("Succeeded");
        assertThat(job.getLong("countRecordsDeleted")).isEqualTo(2); // a (absent) and c (its record failed)
        assertThat(job.getLong("countRecordsUpdated")).isEqualTo(2);
        assertThat(job.getLong("countRecordsFailed")).isEqualTo(1);
        asAdmin().queryParam("showbrief", true).get(ROWS, id).then().body("total", equalTo(2))
                .body("entities.key", org.hamcrest.Matchers.contains("b", "z"));
        asAdmin().get(ROWS + "/a/history", id).then().body("entities[0].operation", equalTo("deleted"));
        // The row count follows: one more row fits exactly where it should.
        asAdmin().body("{\"key\": \"d\"}").post(ROWS, id).then().statusCode(200);
    }

    @Test
    void aDryRunReportsWhatWouldHappenAndWritesNothing() {
        String id = tableWithRows("same", "changed", "gone");
        asAdmin().body("{\"myInt\": 1, \"myText\": \"t\"}").put(ROWS + "/same", id).then().statusCode(200);
        String csv = "key,myInt,myText\nsame,1,t\nchanged,9,t\nadded,1,t\nrejected,x,t\n";
        JsonPath job = runImport(id, "ReplaceAll", true, csv.getBytes(StandardCharsets.UTF_8));

        assertThat(job.getBoolean("dryRun")).isTrue();
        assertThat(job.getString("status")).isEqualTo("Succeeded");
        assertThat(job.getLong("countRecordsAdded")).isEqualTo(1);
        assertThat(job.getLong("countRecordsChanged")).isEqualTo(1);
        assertThat(job.getLong("countRecordsUnchanged")).isEqualTo(1);
        assertThat(job.getLong("countRecordsDeleted")).isEqualTo(1);
        assertThat(job.getLong("countRecordsFailed")).isEqualTo(1);
        assertThat(job.getString("failures[0].key")).isEqualTo("rejected");
        // The diff to review: each row added or changed, with only the values that change.
        assertThat(job.getList("changes", Map.class)).extracting(c -> c.get("line"), c -> c.get("key"),
                c -> c.get("operation")).containsExactly(org.assertj.core.groups.Tuple.tuple(3, "changed", "changed"),
                org.assertj.core.groups.Tuple.tuple(4, "added", "added"),
                org.assertj.core.groups.Tuple.tuple(null, "gone", "deleted"));
        assertThat(job.getMap("changes[0].oldValues")).isEqualTo(Map.of("myInt", 1, "myText", "none"));
        assertThat(job.getMap("changes[0].newValues")).isEqualTo(Map.of("myInt", 9, "myText", "t"));
        assertThat(job.getMap("changes[1].newValues")).containsEntry("myInt", 1).containsEntry("myText", "t");
        assertThat(job.getMap("changes[2].oldValues")).containsEntry("myInt", 1);

        full(id, "changed").body("myInt", equalTo(1));
        full(id, "gone").statusCode(200);
        asAdmin().get(ROWS + "/added", id).then().statusCode(404);
        asAdmin().get(ROWS + "/changed/history", id).then().body("total", equalTo(1));
    }

    @Test
    void aHeaderThatDoesNotFitTheTableFailsTheJobNamingTheColumn() {
        String id = tableWithRows("x");
        JsonPath noKey = runImport(id, "Append", false, "myInt,myText\n1,a\n".getBytes(StandardCharsets.UTF_8));
        assertThat(noKey.getString("status")).isEqualTo("Failed");
        assertThat(noKey.getString("errorInformation.message")).contains("no key column");
        JsonPath unknown = runImport(id, "Append", false, "key,colour\nx,red\n".getBytes(StandardCharsets.UTF_8));
        assertThat(unknown.getString("errorInformation.message")).contains("colour");
        JsonPath empty = runImport(id, "Append", false, new byte[0]);
        assertThat(empty.getString("status")).isEqualTo("Failed");
        full(id, "x").body("myInt", equalTo(1));
    }

    @Test
    void aJobTakesOneUploadAndIsListedAndOnlyAdminsImport() {
        String id = tableWithRows();
        asAdmin().body("{\"importMode\": \"Sometimes\"}").post(TABLES + "/{id}/import/csv/jobs", id).then()
                .statusCode(400).body("details[0].fieldName", equalTo("importMode"));
        String upload = asAdmin().body("{\"importMode\": \"Append\"}").post(TABLES + "/{id}/import/jobs", id).then()
                .statusCode(200).body("status", equalTo("WaitingForUpload")).body("uploadHeaders", org.hamcrest.Matchers.notNullValue())
                .extract().path("uploadURI");
        asAdmin().contentType("text/csv").body("key\nk1\n").post(upload).then().statusCode(202);
        asAdmin().contentType("text/csv").body("key\nk2\n").put(upload).then().statusCode(409);
        asAdmin().get(TABLES + "/{id}/import/jobs", id).then().statusCode(200).body("total", equalTo(1))
                .body("entities[0].uploadURI", nullValue());
        asAdmin().get(TABLES + "/{id}/import/jobs/{job}", id, "nope").then().statusCode(404);
        Api.asService().body("{}").post(TABLES + "/{id}/import/csv/jobs", id).then().statusCode(403);
        Api.asAgent().get(TABLES + "/{id}/import/jobs", id).then().statusCode(403);
    }

    @Test
    void exportWritesWhatImportReads() {
        String id = tableWithRows("r1", "r2");
        asAdmin().body("{\"myText\": \"comma, \\\"quote\\\"\", \"myBool\": true, \"myDec\": 2.5}")
                .put(ROWS + "/r2", id).then().statusCode(200);
        String download = asAdmin().post(TABLES + "/{id}/export/jobs", id).then().statusCode(200)
                .body("status", equalTo("Succeeded")).body("countRecordsProcessed", equalTo(2))
                .extract().path("downloadURI");
        String csv = asAdmin().get(download).then().statusCode(200).extract().asString();
        assertThat(csv.lines().toList()).containsExactly("key,myInt,myBool,myDec,myText", "r1,1,false,0,none",
                "r2,0,true,2.5,\"comma, \"\"quote\"\"\"");

        String copy = Api.createSampleTable(Api.uniqueName("Copy"));
        JsonPath job = runImport(copy, "Append", false, csv.getBytes(StandardCharsets.UTF_8));
        assertThat(job.getLong("countRecordsAdded")).isEqualTo(2);
        full(copy, "r2").body("myText", equalTo("comma, \"quote\"")).body("myDec", equalTo(2.5f));
        Api.asAgent().post(TABLES + "/{id}/export/jobs", id).then().statusCode(403);
    }

    @Test
    void aJobWhoseInstanceDiedIsFailedWhenPolledOneStillRunningIsNot() throws Exception {
        String id = tableWithRows();
        String orphan = asAdmin().body("{}").post(TABLES + "/{id}/import/csv/jobs", id).then().extract().path("id");
        String running = asAdmin().body("{}").post(TABLES + "/{id}/import/csv/jobs", id).then().extract().path("id");
        try (java.sql.Connection c = dataSource.getConnection();
             java.sql.Connection liveWorker = dataSource.getConnection()) {
            // Another instance, alive: it holds its worker lock as ImportWorkers does.
            try (var lock = liveWorker.prepareStatement("SELECT pg_advisory_lock(?, hashtext('live-worker'))")) {
                lock.setInt(1, 0x44544957);
                lock.execute();
            }
            try (var ps = c.prepareStatement(
                    "UPDATE datatable_import_job SET status = 'Processing', worker_id = ? WHERE id = ?")) {
                ps.setString(1, "dead-worker");
                ps.setString(2, orphan);
                ps.executeUpdate();
                ps.setString(1, "live-worker");
                ps.setString(2, running);
                ps.executeUpdate();
            }
            asAdmin().get(TABLES + "/{id}/import/jobs/{job}", id, orphan).then().statusCode(200)
                    .body("status", equalTo("Failed"))
                    .body("errorInformation.message", org.hamcrest.Matchers.containsString("interrupted"));
            asAdmin().get(TABLES + "/{id}/import/jobs/{job}", id, running).then().statusCode(200)
                    .body("status", equalTo("Processing"));
        }
    }

    @Test
    void aKeyRuleRefusesARowPutAndAnImportRecordAlikeAndTheImportNamesTheLine() {
        String id = tableWithRows();
        String tooLong = "k".repeat(257);
        String putMessage = asAdmin().body("{\"myInt\": 1}").put(ROWS + "/{key}", id, tooLong).then().statusCode(400)
                .extract().path("message");
        // "..": a path segment of its own, so a key given in the body (the URL cannot carry it)
        String postMessage = asAdmin().body("{\"key\": \"..\", \"myInt\": 1}").post(ROWS, id).then().statusCode(400)
                .extract().path("message");
        assertThat(putMessage).isEqualTo("A key has at most 256 characters; this one has 257");
        assertThat(postMessage).isEqualTo("A key cannot be '..': it is not a path segment");

        JsonPath job = runImport(id, "Append", false,
                ("KEY,myInt\nfine,1\n" + tooLong + ",2\n..,3\n").getBytes(StandardCharsets.UTF_8));

        assertThat(job.getLong("countRecordsFailed")).isEqualTo(2);
        assertThat(job.getList("failures", Map.class))
                .extracting(f -> f.get("line"), f -> f.get("field"), f -> f.get("reason"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple(3, "key", putMessage),
                        org.assertj.core.groups.Tuple.tuple(4, "key", postMessage));
        asAdmin().queryParam("showbrief", true).get(ROWS, id).then().body("entities.key",
                org.hamcrest.Matchers.contains("fine"));
    }

    @Test
    void aJobInterruptedWithItsInstanceIsFailedByAnotherWithoutAPollAndRestartsWithANewUpload() throws Exception {
        String id = tableWithRows("old");
        JsonPath created = asAdmin().body(Map.of("importMode", "ReplaceAll")).post(TABLES + "/{id}/import/csv/jobs", id)
                .then().statusCode(200).extract().jsonPath();
        String job = created.getString("id");
        try (java.sql.Connection c = dataSource.getConnection(); var ps = c.prepareStatement(
                "UPDATE datatable_import_job SET status = 'Processing', worker_id = 'gone-worker', "
                        + "records_processed = 1000 WHERE id = ?")) {
            ps.setString(1, job);
            ps.executeUpdate();
        }
        // Nobody polls: this instance's periodic check finds the job of the instance that is gone.
        workers.failOrphans();
        try (java.sql.Connection c = dataSource.getConnection(); var ps = c.prepareStatement(
                "SELECT status, interrupted, error_message FROM datatable_import_job WHERE id = ?")) {
            ps.setString(1, job);
            try (var rs = ps.executeQuery()) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("Failed");
                assertThat(rs.getBoolean(2)).isTrue();
                assertThat(rs.getString(3)).contains("interrupted").contains("Upload the file again");
            }
        }

        // The user uploads the file again to the same job: it runs from the start and finishes.
        asAdmin().contentType("text/csv").body("ANI,myInt\nnew,5\n".getBytes(StandardCharsets.UTF_8))
                .put(created.getString("uploadURI")).then().statusCode(202);
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() ->
                "Succeeded".equals(asAdmin().get(created.getString("selfUri")).then().extract().path("status")));
        JsonPath done = asAdmin().get(created.getString("selfUri")).then().extract().jsonPath();
        assertThat(done.getLong("countRecordsProcessed")).isEqualTo(1);
        assertThat(done.getLong("countRecordsAdded")).isEqualTo(1);
        assertThat(done.getLong("countRecordsDeleted")).isEqualTo(1);
        assertThat(done.getString("errorInformation")).isNull();
        full(id, "new").body("myInt", equalTo(5));
        asAdmin().get(ROWS + "/old", id).then().statusCode(404);
        // A job that finished takes no further upload.
        asAdmin().contentType("text/csv").body("ANI,myInt\nnew,6\n".getBytes(StandardCharsets.UTF_8))
                .put(created.getString("uploadURI")).then().statusCode(409);
    }

    /** A sample table with rows of myInt 1. */
    private static String tableWithRows(String... keys) {
        String id = Api.createSampleTable(Api.uniqueName("Import"));
        for (String key : keys) {
            asAdmin().body("{\"key\": \"" + key + "\", \"myInt\": 1}").post(ROWS, id).then().statusCode(200);
        }
        return id;
    }

    /** Creates a job, PUTs the file to its upload URI as a Genesys client does, and polls it to its end. */
    static JsonPath runImport(String tableId, String mode, boolean dryRun, byte[] csv) {
        JsonPath created = asAdmin().body(Map.of("importMode", mode, "dryRun", dryRun))
                .post(TABLES + "/{id}/import/csv/jobs", tableId).then().statusCode(200)
                .body("status", equalTo("WaitingForUpload")).body("importMode", equalTo(mode))
                .extract().jsonPath();
        asAdmin().contentType("text/csv").body(csv).put(created.getString("uploadURI")).then().statusCode(202)
                .body("status", org.hamcrest.Matchers.oneOf("Processing", "Succeeded", "Failed"));
        String jobUri = created.getString("selfUri");
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() ->
                List.of("Succeeded", "Failed").contains(asAdmin().get(jobUri).then().extract().path("status")));
        return asAdmin().get(jobUri).then().statusCode(200).extract().jsonPath();
    }

    private static io.restassured.response.ValidatableResponse full(String id, String key) {
        return asAdmin().queryParam("showbrief", false).get(ROWS + "/{key}", id, key).then();
    }

    private static byte[] withBom(String csv) {
        byte[] text = csv.getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[BOM.length + text.length];
        System.arraycopy(BOM, 0, all, 0, BOM.length);
        System.arraycopy(text, 0, all, BOM.length, text.length);
        return all;
    }
}
