package io.bedside.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.bedside.support.Demo.RIVERSIDE_ADMIN;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;

import io.bedside.support.AxeCheck;
import io.bedside.support.BrowserTest;

/** A practice admin imports the roster from a CSV file and reads the report. */
class RosterImportBrowserTests extends BrowserTest {

    @Test
    void anAdminImportsACsvAndSeesTheReport() {
        useDesktop();
        signInStaff(page, RIVERSIDE_ADMIN);
        openMenu(page);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Practice admin")).click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Import patients")).first().click();
        String csv = "external_id,given_name,family_name,birth_date,sex,email,phone,language,tags,last_visit\n"
                + "BR-1,Nadia,Petrova,1969-05-05,female,nadia@patients.example,555-010-4001,en,diabetes,2025-09-01\n"
                + "BR-2,Tomás,Silva,1983-11-30,male,,,es,,\n"
                + "BR-3,No,Birthday,,female,,,en,,\n";
        page.getByLabel("File (CSV or FHIR JSON)").setInputFiles(new FilePayload("roster.csv", "text/csv",
                csv.getBytes(StandardCharsets.UTF_8)));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Import").setExact(true)).click();

        assertThat(page.locator(".report")).containsText("2 added");
        assertThat(page.locator(".report")).containsText("1 refused");
        assertThat(page.locator(".report table")).containsText("BR-3");
        assertThat(page.locator(".report table")).containsText("bad date of birth");
        AxeCheck.noSeriousViolations(page, "roster import report");

        page.navigate("/app/patients?q=petrova");
        assertThat(page.locator("main")).containsText("Petrova, Nadia");
    }
}
