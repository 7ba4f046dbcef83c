package io.bedside.outreach;

class OutreachH2IntegrationTests extends OutreachTests {
}
