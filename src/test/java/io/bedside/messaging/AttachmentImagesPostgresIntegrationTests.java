package io.bedside.messaging;

import io.bedside.support.PostgresTest;

@PostgresTest
class AttachmentImagesPostgresIntegrationTests extends AttachmentImagesTests {
}
