import Foundation

/// Days as people count them (local midnight to midnight): "due today",
/// "this week" and days studied in a row depend on the calendar, not on
/// 24-hour spans.
public struct StudyCalendar: Sendable {
    public var calendar: Calendar

    public init(timeZone: TimeZone = .current) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        self.calendar = calendar
    }

    /// The first instant of the day `days` after the day of `date`.
    public func startOfDay(_ date: Date, plus days: Int = 0) -> Date {
        let start = calendar.startOfDay(for: date)
        return calendar.date(byAdding: .day, value: days, to: start) ?? start.addingTimeInterval(Double(days) * 86_400)
    }

    /// Calendar days from the day of `start` to the day of `end` (0 on the same day).
    public func days(from start: Date, to end: Date) -> Int {
        calendar.dateComponents([.day], from: calendar.startOfDay(for: start), to: calendar.startOfDay(for: end)).day ?? 0
    }

    /// Consecutive days with study up to today; a streak still counts when
    /// the last study day was yesterday (today is not over yet).
    public func daysInARow(studyDates: [Date], today now: Date) -> Int {
        let days = Set(studyDates.map { calendar.startOfDay(for: $0) })
        var day = startOfDay(now)
        if !days.contains(day) { day = startOfDay(now, plus: -1) }
        var count = 0
        while days.contains(day) {
            count += 1
            day = startOfDay(day, plus: -1)
        }
        return count
    }
}
