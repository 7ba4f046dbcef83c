package io.bedside.fhir.internal;

import org.hl7.fhir.instance.model.api.IBaseResource;
import org.springframework.stereotype.Component;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;

/** The one FHIR R4 context (slow to make, safe to share) and its JSON writer. */
@Component
public class FhirJson {

    private final FhirContext context = FhirContext.forR4Cached();

    /** The resource as FHIR JSON; pretty for a bundle read by a person, one line for NDJSON. */
    public String write(IBaseResource resource, boolean pretty) {
        IParser parser = context.newJsonParser().setPrettyPrint(pretty);
        return parser.encodeResourceToString(resource);
    }
}
