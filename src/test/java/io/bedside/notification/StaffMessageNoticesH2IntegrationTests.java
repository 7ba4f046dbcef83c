package io.bedside.notification;

class StaffMessageNoticesH2IntegrationTests extends StaffMessageNoticesTests {
}
