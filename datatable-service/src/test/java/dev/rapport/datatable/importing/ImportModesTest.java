package dev.rapport.datatable.importing;

import static dev.rapport.datatable.Api.TABLES;
import static dev.rapport.datatable.Api.asAdmin;
import static dev.rapport.datatable.importing.CsvImportTest.runImport;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.rapport.datatable.Api;
import dev.rapport.testkit.RapportInfraResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What an import does to the columns its file does not name: Append keeps them as the row has them (the file may
 * carry any subset of the columns), ReplaceRows and ReplaceAll replace the whole row (those columns take their
 * defaults), and every job, the dry run first, says which columns the file leaves out.
 */
@QuarkusTest
@WithTestResource(value = RapportInfraResource.class, initArgs = @ResourceArg(name = "database", value = "datatable"))
class ImportModesTest {
    private static final String ROWS = TABLES + "/{id}/rows";
    /** Only the key and one column of the sample table's four. */
    private static final byte[] STATUS_ONLY = "ANI,myInt\nfull,7\nnew,8\n".getBytes(StandardCharsets.UTF_8);

    @Test
    void appendKeepsTheColumnsTheFileDoesNotNameAndSaysWhichInTheDryRun() {
        String id = tableWithAFullRow();

        JsonPath dry = runImport(id, "Append", true, STATUS_ONLY);
        assertThat(dry.getString("status")).isEqualTo("Succeeded");
        assertThat(dry.getList("columnsNotInFile")).containsExactly("myBool", "myDec", "myText");
        assertThat(dry.getLong("countRecordsChanged")).isEqualTo(1);
        // The diff shows what changes: only myInt, not the columns the file leaves out.
        assertThat(dry.getMap("changes[0].newValues")).isEqualTo(Map.of("myInt", 7));
        full(id, "full").body("myInt", equalTo(1));

        JsonPath job = runImport(id, "Append", false, STATUS_ONLY);
        assertThat(job.getString("status")).isEqualTo("Succeeded");
        full(id, "full").body("myInt", equalTo(7)).body("myBool", equalTo(true)).body("myDec", equalTo(2.5f))
                .body("myText", equalTo("kept"));
        // A new row takes the defaults of what the file leaves out.
        full(id, "new").body("myInt", equalTo(8)).body("myBool", equalTo(false)).body("myText", equalTo("none"));
        asAdmin().get(ROWS + "/full/history", id).then().body("entities[0].newValues.myText", equalTo("kept"));
    }

    @Test
    void appendingTheSameSubsetAgainChangesNothing() {
        String id = tableWithAFullRow();
        runImport(id, "Append", false, STATUS_ONLY);
        JsonPath again = runImport(id, "Append", false, STATUS_ONLY);
        assertThat(again.getLong("countRecordsUnchanged")).isEqualTo(2);
        assertThat(again.getLong("countRecordsChanged")).isZero();
        asAdmin().get(ROWS + "/full/history", id).then().body("total", equalTo(2));
    }

    @Test
    void replaceRowsReplacesWholeRowsAndKeepsTheRowsNotInTheFile() {
        String id = tableWithAFullRow();
        asAdmin().body("{\"key\": \"other\", \"myInt\": 3}").post(ROWS, id).then().statusCode(200);

        JsonPath dry = runImport(id, "ReplaceRows", true, STATUS_ONLY);
        assertThat(dry.getList("columnsNotInFile")).containsExactly("myBool", "myDec", "myText");
        assertThat(dry.getMap("changes[0].newValues")).containsEntry("myText", "none").containsEntry("myInt", 7);

        JsonPath job = runImport(id, "ReplaceRows", false, STATUS_ONLY);
        assertThat(job.getString("importMode")).isEqualTo("ReplaceRows");
        full(id, "full").body("myInt", equalTo(7)).body("myBool", equalTo(false)).body("myText", equalTo("none"));
        full(id, "other").body("myInt", equalTo(3));
        assertThat(job.getLong("countRecordsDeleted")).isZero();
    }

    @Test
    void aFileWithEveryColumnLeavesNoneOut() {
        String id = tableWithAFullRow();
        JsonPath job = runImport(id, "Append", true,
                "key,myInt,myBool,myDec,myText\nfull,1,true,2.5,kept\n".getBytes(StandardCharsets.UTF_8));
        assertThat(job.getList("columnsNotInFile")).isEqualTo(List.of());
        assertThat(job.getLong("countRecordsUnchanged")).isEqualTo(1);
    }

    /** A sample table with the row "full" whose every column differs from its default. */
    private static String tableWithAFullRow() {
        String id = Api.createSampleTable(Api.uniqueName("Modes"));
        asAdmin().body("{\"key\": \"full\", \"myInt\": 1, \"myBool\": true, \"myDec\": 2.5, \"myText\": \"kept\"}")
                .post(ROWS, id).then().statusCode(200);
        return id;
    }

    private static io.restassured.response.ValidatableResponse full(String id, String key) {
        return asAdmin().queryParam("showbrief", false).get(ROWS + "/{key}", id, key).then();
    }
}
