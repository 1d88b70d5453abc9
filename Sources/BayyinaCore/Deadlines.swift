/// The deadline rules of access-to-information requests in force from a given day: data, not code, so a change in the
/// law is a new rule set and an older request keeps the rules it was filed under.
public struct DeadlineRules: Hashable, Sendable, Codable {
    public var id: String
    public var effectiveFrom: CalendarDate
    /// Working days to answer, counted from the day after the request was received.
    public var answerWorkingDays: Int
    /// The most working days one extension may add.
    public var extensionMaxWorkingDays: Int
    public var extensionsAllowed: Int
    /// Whether a request left unanswered past its deadline counts as refused.
    public var silenceIsRefusal: Bool
    /// Working days of the week, 1 = Sunday … 7 = Saturday (Jordan: Sunday to Thursday).
    public var workingWeekdays: [Int]
    /// The law the rules come from, in words.
    public var source: String

    public init(
        id: String, effectiveFrom: CalendarDate, answerWorkingDays: Int, extensionMaxWorkingDays: Int, extensionsAllowed: Int,
        silenceIsRefusal: Bool, workingWeekdays: [Int], source: String
    ) {
        self.id = id
        self.effectiveFrom = effectiveFrom
        self.answerWorkingDays = answerWorkingDays
        self.extensionMaxWorkingDays = extensionMaxWorkingDays
        self.extensionsAllowed = extensionsAllowed
        self.silenceIsRefusal = silenceIsRefusal
        self.workingWeekdays = workingWeekdays
        self.source = source
    }

    /// Refuses rules that cannot time a request.
    public func validate() throws(BayyinaError) {
        guard !id.isEmpty, answerWorkingDays > 0, extensionMaxWorkingDays >= 0, extensionsAllowed >= 0, !workingWeekdays.isEmpty,
              workingWeekdays.allSatisfy({ (1...7).contains($0) }) else {
            throw BayyinaError(.invalidArgument, "The deadline rules '\(id)' need an id, a positive answer period and working weekdays between 1 (Sunday) and 7 (Saturday).",
                               arabic: "قواعد المهل «\(id)» تحتاج إلى رمز ومهلة رد موجبة وأيام عمل بين 1 (الأحد) و7 (السبت).")
        }
    }
}

/// A day off besides the weekend.
public struct Holiday: Hashable, Sendable, Codable {
    public var day: CalendarDate
    public var nameAr: String
    public var nameEn: String

    public init(day: CalendarDate, nameAr: String, nameEn: String) {
        self.day = day
        self.nameAr = nameAr
        self.nameEn = nameEn
    }
}

/// Which days are working days: the rules' working week less the holidays.
public struct WorkingCalendar: Sendable {
    public var workingWeekdays: Set<Int>
    public var holidays: Set<CalendarDate>

    public init(workingWeekdays: some Sequence<Int>, holidays: some Sequence<CalendarDate>) {
        self.workingWeekdays = Set(workingWeekdays)
        self.holidays = Set(holidays)
    }

    public func isWorkingDay(_ day: CalendarDate) -> Bool {
        workingWeekdays.contains(day.weekday) && !holidays.contains(day)
    }

    /// The `count`-th working day after `day` (the day itself never counts).
    public func adding(workingDays count: Int, after day: CalendarDate) -> CalendarDate {
        guard !workingWeekdays.isEmpty else { return day }
        var current = day
        var counted = 0
        while counted < count {
            current = current.adding(days: 1)
            if isWorkingDay(current) { counted += 1 }
        }
        return current
    }

    /// Working days after `start` up to and including `end` (0 when `end` is not after `start`).
    public func workingDays(after start: CalendarDate, through end: CalendarDate) -> Int {
        var count = 0
        var current = start
        while current < end {
            current = current.adding(days: 1)
            if isWorkingDay(current) { count += 1 }
        }
        return count
    }
}
