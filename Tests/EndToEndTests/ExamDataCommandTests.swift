// End-to-end tests of exam list/check, roster and history follow.
