// English strings of the content calendar and the reminder centre (issue 5's screens).
const content = {
  content: {
    title: "Content calendar",
  },
  reminders: {
    title: "Reminders",
  },
};

export default content;
