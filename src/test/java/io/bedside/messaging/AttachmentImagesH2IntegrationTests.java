package io.bedside.messaging;

class AttachmentImagesH2IntegrationTests extends AttachmentImagesTests {
}
