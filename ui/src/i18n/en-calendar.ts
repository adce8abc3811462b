// English strings of the calendar and the schedules (issue 5's screens).
const calendar = {
  calendar: {
    title: "Calendar",
  },
  schedules: {
    title: "Schedules",
  },
};

export default calendar;
